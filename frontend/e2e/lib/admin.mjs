// The admin area in one walk, for the checks that apply to every admin page (layout at 375 px, accessibility)
// and for the screenshots in docs/screenshots. Labels are the Korean defaults.
import { url } from './browser.mjs';

export const ADMIN_EMAIL = process.env.TIKETI_ADMIN_EMAIL ?? 'admin@tiketi.local';
export const ADMIN_PASSWORD = process.env.TIKETI_ADMIN_PASSWORD ?? 'tiketi-dev-1234';

export const ADMIN_PAGE_NAMES = [
  'admin-dashboard', 'admin-events', 'admin-event-form', 'admin-venues', 'admin-hall-editor',
  'admin-reservations', 'admin-payments', 'admin-queue', 'admin-notices', 'admin-users',
];

/** Signs the browser in through the login page as the admin (one sign-in: they are limited to 10 a minute). */
export async function signInAsAdmin(session) {
  const { page } = session;
  await page.goto(url('/login?next=/admin'));
  await page.getByLabel('이메일').fill(ADMIN_EMAIL);
  await page.getByLabel('비밀번호').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: '로그인' }).click();
  await page.getByRole('heading', { name: '대시보드' }).waitFor();
}

/**
 * Goes to `path` inside the app (the router follows history), not by loading the page again: every load
 * refreshes the session, and refreshes share the gateway's sign-in limit of 10 a minute per address.
 */
export async function visit(page, path) {
  await page.evaluate((target) => {
    window.history.pushState(null, '', target);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/** axe-core run inside the page: injected through the debugging protocol, which the app's CSP does not govern. */
export async function seriousAxeFindings(page, axeSource) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  });
}

/** Waits for the page's own heading (the previous page's stays until the new chunk has loaded), then its data. */
async function settled(page, heading, ready) {
  await page.locator('main h1', { hasText: heading }).first().waitFor();
  await ready(page);
  await page.waitForLoadState('load');
}

/**
 * Visits every admin page in the signed-in admin's browser and calls `check(name, page)` on each; `eventId`
 * (optional) is the event whose bookings, waiting room and form are shown.
 */
export async function walkAdminPages(session, check, { eventId } = {}) {
  const { page } = session;
  const pages = [
    ['admin-dashboard', '/admin', '대시보드', (p) => p.getByTestId('sales-figures').waitFor()],
    ['admin-events', '/admin/events', '공연 관리', (p) => p.locator('table').first().waitFor()],
    ['admin-event-form', eventId ? `/admin/events/${eventId}` : '/admin/events/new', /공연 (수정|등록)/, (p) => p.getByLabel('제목').waitFor()],
    ['admin-venues', '/admin/venues', '공연장과 홀', (p) => p.getByRole('article').first().waitFor()],
  ];
  if (!page.url().includes('/admin')) await page.goto(url('/admin'));
  for (const [name, path, heading, ready] of pages) {
    await visit(page, path);
    await settled(page, heading, ready);
    await check(name, page);
  }
  await page.getByRole('article').first().getByRole('listitem').first().getByRole('link').click();
  await settled(page, '홀 수정', (p) => p.getByTestId('seat-preview').waitFor());
  await check('admin-hall-editor', page);

  const rest = [
    ['admin-reservations', `/admin/reservations${eventId ? `?eventId=${eventId}` : ''}`, '예매 조회', (p) => p.getByText(/^\d+건$/).waitFor()],
    ['admin-payments', '/admin/payments', '결제 조회', (p) => p.locator('table').first().waitFor()],
    ['admin-queue', `/admin/queue${eventId ? `?eventId=${eventId}` : ''}`, '대기열 제어', (p) => p.getByText('입장 정책').waitFor()],
    ['admin-notices', '/admin/notices', '공지사항 관리', (p) => p.locator('table').first().waitFor()],
    ['admin-users', '/admin/users?query=tiketi', '회원 관리', (p) => p.locator('table').first().waitFor()],
  ];
  for (const [name, path, heading, ready] of rest) {
    await visit(page, path);
    await settled(page, heading, ready);
    await check(name, page);
  }
}
