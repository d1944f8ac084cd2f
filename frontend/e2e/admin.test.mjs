// The admin pages in a real browser: an admin builds a venue and a hall in the seat-template editor (the
// server's field error shown next to its input), creates an event, sets its waiting room and opens its sale;
// a buyer finds it on the home page and buys two seats, which the dashboard counts; cancelling the event in
// the admin's confirmation dialog refunds the buyer's booking, and the booking lookup shows it so. Every admin
// page fits a 375 px phone and has no serious or critical axe-core finding.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { ADMIN_PAGE_NAMES, seriousAxeFindings, signInAsAdmin, visit, walkAdminPages } from './lib/admin.mjs';
import { openBrowser, url } from './lib/browser.mjs';
import { holdPicked, signUp, waitForSeatMap } from './lib/buyer.mjs';
import { APPROVED_CARD, apiCall, eventually, newBuyer, payThroughApi, reservationStatus } from './lib/platform.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** `datetime-local` text of a moment in Seoul (UTC+9, no daylight saving time). */
const seoulLocal = (ms) => new Date(ms + 9 * 3600_000).toISOString().slice(0, 16);

/** The dashboard's figure `name` under the heading `section` ('오늘' for today). */
async function dashboardFigure(page, section, name) {
  const text = await page.getByRole('region', { name: section }).locator('.kpi', { hasText: name }).locator('dd').textContent();
  return Number(text.replace(/\D+/g, ''));
}

describe('admin pages', { concurrency: false }, () => {
  let admin;
  const suffix = Math.random().toString(36).slice(2, 7);
  const venueName = `e2e 아트홀 ${suffix}`;
  const title = `e2e 관리자 콘서트 ${suffix}`;
  let eventId;
  let hold;
  let buyer;

  before(async () => {
    admin = await openBrowser();
    await signInAsAdmin(admin);
  });
  after(async () => {
    assert.deepEqual(admin.errors, [], 'no script error in the admin\'s browser');
    await admin.close();
    await buyer?.close();
  });

  it('builds a venue and a hall in the seat-template editor, the server\'s field error next to its input', async () => {
    const { page } = admin;
    await visit(page, '/admin/venues');
    await page.getByLabel('공연장 이름').fill(venueName);
    await page.getByLabel('도시').fill('서울');
    await page.getByLabel('주소').fill('서울 종로구 대학로 1');
    await page.getByRole('button', { name: '공연장 추가' }).click();
    const card = page.getByRole('article').filter({ hasText: venueName });
    await card.getByRole('link', { name: '홀 추가' }).click();

    await page.getByLabel('홀 이름').fill('대극장');
    // the default section A: five rows of twenty R seats; a second section of VIP seats in front
    await page.getByLabel('추가할 열 수').fill('2');
    await page.getByLabel('열당 좌석 수 (최대 200)').fill('10');
    await page.getByRole('button', { name: '구역 추가' }).click();
    await page.getByRole('combobox', { name: /^구역 등급/ }).nth(1).selectOption('VIP');
    await page.getByTestId('seat-preview').waitFor();
    await page.getByText('총 120석').waitFor();

    // 500 seats in a row is over the server's limit: its error lands next to that row's seat count
    const rowSeats = page.getByRole('group', { name: 'A구역 1열' }).getByLabel('좌석 수');
    await rowSeats.fill('500');
    await page.getByLabel('R 가격').fill('99000');
    await page.getByLabel('VIP 가격').fill('150000');
    await page.getByRole('button', { name: '홀 저장' }).click();
    await eventually(async () => (await rowSeats.getAttribute('aria-invalid')) === 'true', { what: 'the seat count marked invalid' });
    await page.getByRole('group', { name: 'A구역 1열' }).getByText('허용 범위를 벗어났습니다.').waitFor();

    await rowSeats.fill('20');
    await page.getByRole('button', { name: '홀 저장' }).click();
    await page.getByText('저장했습니다.').waitFor();
    await page.waitForURL('**/admin/halls/*');
  });

  it('creates an event, sets its waiting room, opens its sale, and a buyer finds it on the home page', async () => {
    const { page } = admin;
    await visit(page, '/admin/events/new');
    await page.getByLabel('제목').fill(title);
    await page.getByLabel('아티스트').fill('e2e 오케스트라');
    await page.getByRole('combobox', { name: /^공연장/ }).selectOption({ label: venueName });
    await page.getByRole('combobox', { name: /^홀/ }).selectOption({ label: '대극장 (120)' });
    const now = Date.now();
    await page.getByLabel('공연 시작 (서울)').fill(seoulLocal(now + 3 * 86_400_000));
    await page.getByLabel('공연 종료 (서울)').fill(seoulLocal(now + 3 * 86_400_000 + 2 * 3600_000));
    await page.getByLabel('판매 시작 (서울)').fill(seoulLocal(now - 5 * 60_000));
    await page.getByLabel('판매 종료 (서울)').fill(seoulLocal(now + 2 * 86_400_000));
    await page.getByLabel('설명').fill('관리자 화면에서 만든 공연');
    await page.getByRole('button', { name: '공연 등록' }).click();
    await page.waitForURL(/\/admin\/events\/[0-9a-f-]{36}$/);
    eventId = page.url().split('/').pop();

    await visit(page, '/admin/events');
    const row = page.getByRole('row').filter({ hasText: title });
    if (await row.getByRole('button', { name: '판매 시작' }).isVisible()) await row.getByRole('button', { name: '판매 시작' }).click();
    await row.locator('.badge', { hasText: '판매 중' }).waitFor();

    await visit(page, `/admin/queue?eventId=${eventId}`);
    await page.getByRole('combobox', { name: /^정책/ }).selectOption('FIXED_RATE');
    await page.getByLabel('초당 입장 수').fill('500');
    await page.getByRole('button', { name: '저장' }).click();
    await page.getByText('정책을 저장했습니다.').waitFor();
    await page.getByText('운영 중').first().waitFor();

    buyer = await openBrowser();
    await eventually(
      async () => {
        // the home page lists by start time, soonest first; searching for the title keeps other sales out of the way
        await buyer.page.goto(url(`/?q=${encodeURIComponent(title)}`));
        return buyer.page.getByText(title).first().isVisible({ timeout: 5_000 }).catch(() => false);
      },
      { what: 'the new event on the home page', timeout: 60_000, interval: 2_000 },
    );
  });

  it('a purchase shows in the dashboard figures', async () => {
    const { page } = admin;
    await visit(page, '/admin');
    const soldBefore = await dashboardFigure(page, '오늘', '판매 매수');

    await signUp(buyer, newBuyer('admin-e2e'));
    await waitForSeatMap(buyer.page, eventId);
    await buyer.page.getByLabel('매수').selectOption('2');
    await buyer.page.getByRole('button', { name: '자동 선택' }).click();
    hold = await holdPicked(buyer.page);
    // paid through the API with the hold's payment token: the checkout page has its own scenario (purchase.test.mjs)
    const payment = await payThroughApi(buyer.token, hold.reservation.id, hold.paymentToken, APPROVED_CARD);
    assert.ok(payment.status < 300, `payment ${payment.status} ${JSON.stringify(payment.body)}`);
    await eventually(async () => (await reservationStatus(buyer.token, hold.reservation.id)) === 'CONFIRMED', { what: 'the booking to be confirmed' });

    await eventually(
      async () => {
        await visit(page, '/admin/events');
        await visit(page, '/admin');
        await page.getByTestId('sales-figures').waitFor();
        return (await dashboardFigure(page, '오늘', '판매 매수')) === soldBefore + 2;
      },
      { what: 'today\'s tickets sold to grow by two', timeout: 60_000, interval: 2_000 },
    );
    const sellThrough = page.getByRole('row').filter({ hasText: title });
    await sellThrough.getByText('2 / 120').waitFor();
  });

  it('cancelling the event in the confirmation dialog refunds the buyer\'s booking', async () => {
    const { page } = admin;
    await visit(page, '/admin/events');
    await page.getByRole('row').filter({ hasText: title }).getByRole('button', { name: '공연 취소' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/확정된 예매는 모두 취소되어 전액 환불/).waitFor();
    await dialog.getByRole('button', { name: '공연 취소' }).click();
    await dialog.getByText(/공연이 취소되었습니다/).waitFor();
    await dialog.getByRole('button', { name: '닫기' }).click();

    const reservationId = hold.reservation.id;
    const refunded = await eventually(
      async () => {
        const reply = await apiCall('GET', `/reservations/${reservationId}`, { token: buyer.token });
        return reply.body?.status === 'REFUNDED' ? reply.body : null;
      },
      { what: 'the buyer\'s booking to be refunded', timeout: 60_000, interval: 1_000 },
    );
    assert.equal(refunded.cancelReason, 'EVENT_CANCELLED');

    await visit(page, `/admin/reservations?eventId=${eventId}`);
    const booking = page.getByRole('row').filter({ hasText: title });
    await booking.getByText('환불됨').waitFor();
    await booking.getByText('주최 측 공연 취소').waitFor();
    assert.deepEqual(buyer.errors, [], 'no script error in the buyer\'s browser');
  });

  it('every admin page has no serious or critical axe-core finding and fits a 375 px phone', async () => {
    const findings = [];
    const seen = [];
    await walkAdminPages(admin, async (name, page) => {
      seen.push(name);
      const violations = await seriousAxeFindings(page, AXE);
      findings.push(...violations.map((violation) => `${name}: ${violation}`));
    }, { eventId });
    assert.deepEqual(seen, ADMIN_PAGE_NAMES);
    assert.deepEqual(findings, []);

    const overflowing = [];
    await admin.page.setViewportSize({ width: 375, height: 812 });
    await walkAdminPages(admin, async (name, page) => {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 375) overflowing.push(`${name}: ${width} px`);
    }, { eventId });
    assert.deepEqual(overflowing, []);
  });
});
