// Talking to the platform under test directly (Node fetch), for what a scenario prepares or checks
// outside the browser, and the data the JUnit runner (BrowserE2ETest) hands over in environment variables.
import { randomUUID } from 'node:crypto';
import { BASE_URL } from './browser.mjs';

export const EVENT_ID = requiredEnv('TIKETI_EVENT_ID');
/** An event on sale whose waiting room is paused: whoever enters stays waiting. */
export const PAUSED_EVENT_ID = requiredEnv('TIKETI_PAUSED_EVENT_ID');
export const APPROVED_CARD = '4111111111111111';
export const DECLINED_CARD = '4000000000000002';
export const PASSWORD = 'e2e-Browser-2026!';

function requiredEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the browser tests run from e2e-tests' BrowserE2ETest`);
  return value;
}

export async function apiCall(method, path, { body, token, headers = {} } = {}) {
  const response = await fetch(`${BASE_URL}/api${path}`, {
    method,
    headers: {
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** A new buyer's details; the phone number is random so that accounts never collide. */
export function newBuyer(label) {
  const suffix = randomUUID().slice(0, 8);
  return {
    email: `${label}-${suffix}@e2e.tiketi.dev`,
    password: PASSWORD,
    name: `${label} ${suffix}`,
    phone: `010${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
  };
}

/** Pays for a hold without the checkout page, for scenarios whose subject is elsewhere (the admin pages). */
export async function payThroughApi(token, reservationId, paymentToken, card) {
  return apiCall('POST', '/payments', {
    token,
    headers: { 'X-Payment-Token': paymentToken },
    body: { reservationId, paymentKey: `pay-${randomUUID()}`, method: 'CARD', card: { number: card } },
  });
}

export async function reservationStatus(token, reservationId) {
  const reply = await apiCall('GET', `/reservations/${reservationId}`, { token });
  return reply.body?.status;
}

/** Polls `probe` until it answers something truthy. */
export async function eventually(probe, { timeout = 30_000, interval = 300, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
