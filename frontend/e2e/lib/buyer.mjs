// What a buyer does in the browser, step by step, through the real pages and the labels they show (Korean,
// the default): fields by their labels, buttons and links by their accessible names.
import { url } from './browser.mjs';
import { EVENT_ID, eventually } from './platform.mjs';

/** The access token of a sign-in the page makes, read from its answer (no second sign-in spent on it). */
function signInAnswer(page) {
  return page.waitForResponse((response) => response.url().endsWith('/api/auth/login') && response.request().method() === 'POST');
}

async function keepToken(session, answer) {
  const response = await answer;
  if (response.status() !== 200) throw new Error(`sign-in ${response.status()} ${await response.text()}`);
  session.token = (await response.json()).accessToken;
  await session.page.getByRole('button', { name: '로그아웃' }).waitFor();
}

const field = (page, name) => page.getByLabel(new RegExp(`^${name}( \\*)?$`));

/**
 * Registers a new buyer on `/register` (every field, all terms agreed), which signs them in; keeps the access
 * token of that sign-in in `session.token` for checks through the API.
 */
export async function signUp(session, buyer) {
  const { page } = session;
  await page.goto(url('/register'));
  await field(page, '이메일').fill(buyer.email);
  await field(page, '비밀번호').fill(buyer.password);
  await field(page, '비밀번호 확인').fill(buyer.password);
  await field(page, '이름').fill(buyer.name);
  await field(page, '휴대폰 번호').fill(buyer.phone);
  await page.getByRole('checkbox', { name: '전체 동의' }).check();
  const answer = signInAnswer(page);
  await page.getByRole('button', { name: '가입하기' }).click();
  await keepToken(session, answer);
}

/** Signs out with the header's button (the platform ends the session) and back in on the login page. */
export async function signOutAndIn(session, buyer) {
  const { page } = session;
  const loggedOut = page.waitForResponse((response) => response.url().endsWith('/api/auth/logout'));
  await page.getByRole('button', { name: '로그아웃' }).click();
  const answer = await loggedOut;
  if (answer.status() !== 204) throw new Error(`logout ${answer.status()} ${await answer.text()}`);
  await page.getByRole('link', { name: '로그인', exact: true }).click();
  await page.getByRole('heading', { name: '로그인', level: 1 }).waitFor();
  await field(page, '이메일').fill(buyer.email);
  await field(page, '비밀번호').fill(buyer.password);
  const signedIn = signInAnswer(page);
  await page.getByRole('button', { name: '로그인', exact: true }).click();
  await keepToken(session, signedIn);
}

/** Waits for the seat map to show the hall with its live state. */
async function seatMapShown(page, eventId) {
  await page.waitForURL(`**/events/${eventId}/seats`, { timeout: 30_000 });
  await page.getByTestId('seat-canvas').waitFor();
  await page.getByText('실시간 좌석 현황').waitFor({ timeout: 20_000 });
}

/** From the event page's buy button through the waiting room to the seat map, which the room opens once admitted. */
export async function buyFromEventPage(page, eventId = EVENT_ID) {
  await page.goto(url(`/events/${eventId}`));
  await page.getByRole('link', { name: '예매하기' }).click();
  await seatMapShown(page, eventId);
}

/** The waiting room's address opened directly (a bookmarked queue link). */
export async function waitForSeatMap(page, eventId = EVENT_ID) {
  await page.goto(url(`/events/${eventId}/queue`));
  await seatMapShown(page, eventId);
}

/** The legend's count of seats in a state ('선점됨' held, '판매 완료' sold). */
export async function legendCount(page, name) {
  const text = await page.getByRole('list', { name: '범례' }).getByText(new RegExp(`^${name} \\d+$`)).textContent();
  return Number(text.replace(/\D+/g, ''));
}

/**
 * Taps a free seat of the first grade on the canvas: the pixel search finds the centre of a square of that
 * grade's colour (theme.css `--grade-vip`), and the tap goes through the map's own hit-testing.
 */
export async function tapFreeSeat(page) {
  const point = await page.getByTestId('seat-canvas').evaluate((canvas) => {
    const colour = getComputedStyle(document.documentElement).getPropertyValue('--grade-vip').trim();
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
    const context = canvas.getContext('2d');
    const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
    const matches = (x, y) => {
      const i = (y * width + x) * 4;
      return Math.abs(data[i] - r) < 4 && Math.abs(data[i + 1] - g) < 4 && Math.abs(data[i + 2] - b) < 4;
    };
    const ratio = canvas.width / canvas.clientWidth;
    const reach = Math.max(2, Math.round(2 * ratio));
    for (let y = reach; y < height - reach; y++) {
      for (let x = reach; x < width - reach; x++) {
        if (matches(x, y) && matches(x - reach, y) && matches(x + reach, y) && matches(x, y - reach) && matches(x, y + reach)) {
          const box = canvas.getBoundingClientRect();
          return { x: box.left + (x + reach) / ratio, y: box.top + (y + reach) / ratio };
        }
      }
    }
    return null;
  });
  if (!point) throw new Error('no free seat of the first grade on the canvas');
  await page.mouse.click(point.x, point.y);
}

/** The picked-seats list: one item per seat. */
export const pickedSeats = (page) => page.locator('.picked-seats li');

/** Picks `count` adjacent seats with the keyboard picker next to the canvas. */
export async function autoPick(page, count) {
  await page.getByLabel('매수').selectOption(String(count));
  await page.getByRole('button', { name: '자동 선택' }).click();
}

/** Holds what is picked and lands on checkout; answers the hold as reservation-service returned it. */
export async function holdPicked(page) {
  const held = page.waitForResponse((response) => response.url().endsWith('/api/reservations') && response.request().method() === 'POST');
  await page.getByRole('button', { name: /석 예매하기$/ }).click();
  const response = await held;
  if (response.status() !== 201) throw new Error(`hold ${response.status()} ${await response.text()}`);
  const hold = await response.json();
  await page.waitForURL(`**/checkout/${hold.reservation.id}`);
  await page.getByRole('heading', { name: '결제하기', level: 1 }).waitFor();
  return hold;
}

/** The result page's heading per final outcome of a test card. */
const RESULT_HEADING = { CONFIRMED: '예매가 완료되었습니다', CANCELLED: '결제가 거절되었습니다' };

/**
 * Pays on the checkout page with a test card (number, expiry, CVC), then waits on the result page for the
 * outcome `expected` ('CONFIRMED' or 'CANCELLED') and answers the reservation's final status from the API.
 */
export async function pay(session, hold, card, expected) {
  const { page, token } = session;
  await field(page, '카드 번호').fill(card);
  await field(page, '유효기간 \\(MM/YY\\)').fill('12/30');
  await field(page, 'CVC').fill('123');
  await page.getByRole('button', { name: /결제하기$/ }).click();
  await page.waitForURL(`**/checkout/${hold.reservation.id}/result**`, { timeout: 30_000 });
  await page.getByRole('heading', { name: RESULT_HEADING[expected], level: 1 }).waitFor({ timeout: 30_000 });
  return eventually(
    async () => {
      const reply = await fetch(url(`/api/reservations/${hold.reservation.id}`), { headers: { Authorization: `Bearer ${token}` } });
      const status = (await reply.json()).status;
      return status === 'PENDING' ? null : status;
    },
    { what: 'the reservation to leave PENDING' },
  );
}
