// The main pages in one walk, each reached the way a buyer reaches it, for checks that apply to all of them
// (layout at 375 px, accessibility) and for the screenshots in docs/screenshots.
import { url } from './browser.mjs';
import { autoPick, buyFromEventPage, holdPicked, pay, signUp } from './buyer.mjs';
import { APPROVED_CARD, EVENT_ID, PAUSED_EVENT_ID, eventually, newBuyer } from './platform.mjs';

export const PAGE_NAMES = ['home', 'event-detail', 'login', 'register', 'waiting-room', 'seat-map', 'checkout', 'payment-result', 'my-bookings'];

/** Waits until the route has rendered its page: the lazy chunk loaded, the heading shown, its data loaded. */
async function settled(page) {
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('load');
  await eventually(async () => (await page.getByText(/불러오는 중…$/).count()) === 0, { what: `${page.url()} to finish loading` });
}

/**
 * Visits every main page in `session`'s browser and calls `check(name, page)` on each. The buyer signs up
 * first (on the register page); the waiting room is the paused event's (so it stays a waiting room), and is
 * left afterwards; the seat map, checkout, result and bookings pages follow one purchase with the approving card.
 */
export async function walkMainPages(session, check) {
  const { page } = session;
  for (const [name, path] of [['home', '/'], ['event-detail', `/events/${EVENT_ID}`], ['login', '/login'], ['register', '/register']]) {
    await page.goto(url(path));
    await settled(page);
    await check(name, page);
  }
  await signUp(session, newBuyer('pages'));

  await page.goto(url(`/events/${PAUSED_EVENT_ID}/queue`));
  await page.getByTestId('queue-position').waitFor();
  await check('waiting-room', page);
  await page.getByRole('button', { name: '대기열 나가기' }).click();
  await page.getByText(/대기열에서 나왔습니다/).waitFor();

  await buyFromEventPage(page);
  await autoPick(page, 1);
  await page.locator('.picked-seats li').first().waitFor();
  await check('seat-map', page);

  const hold = await holdPicked(page);
  await settled(page);
  await check('checkout', page);

  await pay(session, hold, APPROVED_CARD, 'CONFIRMED');
  await check('payment-result', page);

  await page.getByRole('link', { name: '전체 예매 내역' }).click();
  await settled(page);
  await page.getByText('예매 확정').first().waitFor();
  await check('my-bookings', page);
}
