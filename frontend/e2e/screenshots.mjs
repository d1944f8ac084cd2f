// Regenerates docs/screenshots: every main page at desktop width and at 375 px, against a running platform
// (./tiketi start, or a Vite dev server in front of one). It puts two events on sale as the demo admin, one
// selling and one with a paused waiting room, and walks the pages as a new buyer, then the admin pages as the
// demo admin.
//
//   node e2e/screenshots.mjs [base URL, default http://localhost:8080]
//   env: TIKETI_ADMIN_EMAIL / TIKETI_ADMIN_PASSWORD (default: the local demo admin)
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const base = (process.argv[2] ?? 'http://localhost:8080').replace(/\/$/, '');
process.env.TIKETI_BASE_URL = base;
const out = join(dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');

async function call(method, path, body, token) {
  const response = await fetch(`${base}/api${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

const login = await call('POST', '/auth/login', {
  email: process.env.TIKETI_ADMIN_EMAIL ?? 'admin@tiketi.local',
  password: process.env.TIKETI_ADMIN_PASSWORD ?? 'tiketi-dev-1234',
});
const admin = login.accessToken;

async function eventOnSale(title, { paused = false } = {}) {
  const suffix = Math.random().toString(36).slice(2, 7);
  const venue = await call('POST', '/admin/venues', { name: `올림픽홀 ${suffix}`, city: '서울', address: '서울 송파구 올림픽로 424' }, admin);
  const hall = await call('POST', `/admin/venues/${venue.id}/halls`, {
    name: '메인홀',
    seatTemplate: {
      sections: [
        { name: 'A', grade: 'VIP', rows: [1, 2, 3].map((r) => ({ label: String(r), seats: 20 })) },
        { name: 'B', grade: 'R', rows: [1, 2, 3, 4].map((r) => ({ label: String(r), seats: 24 })) },
        { name: 'C', grade: 'S', rows: [1, 2, 3, 4].map((r) => ({ label: String(r), seats: 24 })) },
        { name: 'D', grade: 'A', rows: [1, 2, 3, 4, 5].map((r) => ({ label: String(r), seats: 30 })) },
      ],
      prices: { VIP: 165000, R: 132000, S: 99000, A: 66000 },
    },
  }, admin);
  const day = 24 * 3600 * 1000;
  const now = Date.now();
  const iso = (ms) => new Date(Math.floor(ms / 1000) * 1000).toISOString();
  const event = await call('POST', '/admin/events', {
    title: `${title} ${suffix}`,
    artist: 'TIKETI 필하모닉',
    description: '겨울밤을 여는 오케스트라 갈라 콘서트',
    category: 'CONCERT',
    hallId: hall.id,
    startsAt: iso(now + 40 * day),
    endsAt: iso(now + 40 * day + 3 * 3600 * 1000),
    saleStartsAt: iso(now - 60_000),
    saleEndsAt: iso(now + 30 * day),
  }, admin);
  await call('PUT', `/admin/queue/${event.id}/policy`, { type: 'FIXED_RATE', ratePerSecond: 500 }, admin);
  if (paused) await call('POST', `/admin/queue/${event.id}/pause`, undefined, admin);
  return event.id;
}

process.env.TIKETI_EVENT_ID = await eventOnSale('윈터 갈라 콘서트');
process.env.TIKETI_PAUSED_EVENT_ID = await eventOnSale('뉴이어 콘서트', { paused: true });

const { openBrowser } = await import('./lib/browser.mjs');
const { walkMainPages } = await import('./lib/pages.mjs');
const { signInAsAdmin, walkAdminPages } = await import('./lib/admin.mjs');
mkdirSync(out, { recursive: true });
const shoot = (suffix) => async (name, page) => {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(out, `${name}-${suffix}.png`), fullPage: true });
  console.log(`${name}-${suffix}.png`);
};
for (const [suffix, viewport] of [['desktop', { width: 1280, height: 900 }], ['mobile', { width: 375, height: 812 }]]) {
  const session = await openBrowser(viewport);
  try {
    await walkMainPages(session, shoot(suffix));
  } finally {
    await session.close();
  }
  const adminSession = await openBrowser(viewport);
  try {
    await signInAsAdmin(adminSession);
    await walkAdminPages(adminSession, shoot(suffix), { eventId: process.env.TIKETI_EVENT_ID });
  } finally {
    await adminSession.close();
  }
}
