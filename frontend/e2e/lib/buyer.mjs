// What a buyer does in the browser, step by step, with the labels the pages show (Korean, the default).
import { url } from './browser.mjs';
import { EVENT_ID, STRICT, eventually, loginThroughApi, payThroughApi, registerThroughApi } from './platform.mjs';

/**
 * Signs the browser in as a new buyer and keeps an access token of theirs in `session.token` for checks
 * through the API (sign-ups and sign-ins are limited to 10 a minute per address, so none is spent twice). `throughUi`: the register form (fields by their labels), else the
 * API, whose refresh cookie the app picks up on the next page load exactly as after a real sign-in.
 */
export async function signUp(session, buyer, { throughUi = false } = {}) {
  const { page } = session;
  if (throughUi && (await registerThroughForm(page, buyer))) {
    session.token = await loginThroughApi(buyer);
    return;
  }
  await registerThroughApi(buyer);
  const reply = await page.request.post(url('/api/auth/login'), { data: { email: buyer.email, password: buyer.password } });
  if (reply.status() !== 200) throw new Error(`login ${reply.status()}`);
  session.token = (await reply.json()).accessToken;
}

async function registerThroughForm(page, buyer) {
  await page.goto(url('/register'));
  const email = page.getByLabel(/이메일/).first();
  if (!(await email.isVisible({ timeout: 5_000 }).catch(() => false))) {
    if (STRICT) throw new Error('the register page has no email field');
    console.log('# the register page of this build has no form: the buyer registers through the API');
    return false;
  }
  await email.fill(buyer.email);
  await page.getByLabel(/^비밀번호$|^비밀번호 \(/).first().fill(buyer.password);
  const confirm = page.getByLabel(/비밀번호 확인/);
  if (await confirm.count()) await confirm.fill(buyer.password);
  await page.getByLabel(/이름/).first().fill(buyer.name);
  await page.getByLabel(/휴대폰|전화/).first().fill(buyer.phone);
  for (const box of await page.getByRole('checkbox').all()) await box.check();
  await page.getByRole('button', { name: /가입/ }).click();
  await page.getByRole('button', { name: '로그아웃' }).waitFor();
  return true;
}

/** From the waiting room to the seat map, which the page does by itself once admitted. */
export async function waitForSeatMap(page, eventId = EVENT_ID) {
  await page.goto(url(`/events/${eventId}/queue`));
  await page.waitForURL(`**/events/${eventId}/seats`, { timeout: 30_000 });
  await page.getByTestId('seat-canvas').waitFor();
  await page.getByText('실시간 좌석 현황').waitFor({ timeout: 20_000 });
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

/** Holds what is picked; answers the hold as reservation-service returned it (with the payment token). */
export async function holdPicked(page) {
  const held = page.waitForResponse((response) => response.url().endsWith('/api/reservations') && response.request().method() === 'POST');
  await page.getByRole('button', { name: /석 예매하기$/ }).click();
  const response = await held;
  if (response.status() !== 201) throw new Error(`hold ${response.status()} ${await response.text()}`);
  const hold = await response.json();
  await page.waitForURL(`**/checkout/${hold.reservation.id}`);
  return hold;
}

/**
 * Pays on the checkout page: the card number field, the pay button, then the result page. Where the
 * checkout page of this build is a stub (not strict), the payment goes through the API with the hold's
 * payment token. Answers the reservation's final status.
 */
export async function pay(session, hold, card) {
  const { page, token } = session;
  const cardField = page.getByLabel(/카드 번호/);
  if (await cardField.isVisible({ timeout: 5_000 }).catch(() => false)) {
    await cardField.fill(card);
    await page.getByRole('button', { name: /결제/ }).click();
    await page.waitForURL(`**/checkout/${hold.reservation.id}/result**`, { timeout: 30_000 });
    await page.getByText(card.endsWith('0002') ? /거절|실패/ : /확정|완료/).first().waitFor({ timeout: 30_000 });
  } else {
    if (STRICT) throw new Error('the checkout page has no card number field');
    console.log('# the checkout page of this build has no form: paying through the API with the hold\'s payment token');
    const reply = await payThroughApi(token, hold.reservation.id, hold.paymentToken, card);
    if (reply.status >= 500) throw new Error(`payment ${reply.status} ${JSON.stringify(reply.body)}`);
  }
  return eventually(
    async () => {
      const reply = await fetch(url(`/api/reservations/${hold.reservation.id}`), { headers: { Authorization: `Bearer ${token}` } });
      const status = (await reply.json()).status;
      return status === 'PENDING' ? null : status;
    },
    { what: 'the reservation to leave PENDING' },
  );
}
