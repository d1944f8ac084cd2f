// Measures the seat map in the real browser with a 50,000-seat hall: time to the first drawn frame, and the
// frame times while the seat stream delivers 500 changes a second. The built app (vite build) is served by a
// small stand-in for the platform (a generated layout with UUID seat ids, an admitted buyer, a seat stream
// fed at the asked rate), so that the numbers are the browser's and the app's alone.
//
//   npx vite build --outDir /tmp/tiketi-bench-dist && node e2e/bench/seatmap-bench.mjs /tmp/tiketi-bench-dist
//   options (env): SEATS_SECTIONS=20 SEATS_ROWS=50 SEATS_PER_ROW=50 RATE=500 SECONDS=10 RUNS=3
//   SCREENSHOT=path.png (the first run's map while the stream runs)
import { randomUUID } from 'node:crypto';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { openBrowser } from '../lib/browser.mjs';

const dist = resolve(process.argv[2] ?? 'dist');
const sections = Number(process.env.SEATS_SECTIONS ?? 20);
const rows = Number(process.env.SEATS_ROWS ?? 50);
const perRow = Number(process.env.SEATS_PER_ROW ?? 50);
const rate = Number(process.env.RATE ?? 500);
const seconds = Number(process.env.SECONDS ?? 10);
const runs = Number(process.env.RUNS ?? 3);
const EVENT = '00000000-0000-4000-8000-000000050000';

const grades = [['VIP', 150000], ['R', 110000], ['S', 80000], ['A', 50000]];
const seatIds = [];
const layout = {
  eventId: EVENT,
  totalSeats: sections * rows * perRow,
  grades: grades.map(([grade, price], index) => ({ grade, price, seats: (sections * rows * perRow) / grades.length + 0 * index })),
  sections: Array.from({ length: sections }, (_, s) => ({
    name: s < 26 ? String.fromCharCode(65 + s) : `S${s + 1}`,
    rows: Array.from({ length: rows }, (_, r) => {
      const [grade, price] = grades[Math.floor((r * grades.length) / rows)];
      const ids = Array.from({ length: perRow }, () => randomUUID());
      seatIds.push(...ids);
      return { label: String(r + 1), grade, price, seatIds: ids };
    }),
  })),
};
const layoutJson = Buffer.from(JSON.stringify(layout));
const layoutGzip = gzipSync(layoutJson);
// a tenth of the hall sold before the measurement starts, as in a sale under way
const sold = seatIds.filter((_, i) => i % 10 === 0);

const streams = new Set();
let feeding = null;

function feed() {
  // one `seats` event per change, the worst case; every 20 ms whatever the rate asks for by then, so a late
  // timer on a busy machine sends more at once instead of fewer in total
  const started = performance.now();
  let sent = 0;
  const held = [];
  feeding = setInterval(() => {
    const due = Math.floor(((performance.now() - started) / 1000) * rate) - sent;
    for (let i = 0; i < due; i++) {
      const release = held.length > 200 && i % 2 === 0;
      const seatId = release ? held.shift() : seatIds[Math.floor(Math.random() * seatIds.length)];
      if (!release) held.push(seatId);
      const event = `event:seats\ndata:${JSON.stringify({ eventId: EVENT, status: release ? 'RELEASED' : 'HELD', seatIds: [seatId] })}\n\n`;
      for (const stream of streams) stream.write(event);
      sent++;
    }
  }, 20);
  return () => {
    clearInterval(feeding);
    feeding = null;
    return sent;
  };
}

const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.svg': 'image/svg+xml', '.json': 'application/json' };
const json = (response, body) => {
  response.writeHead(200, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
};

const server = createServer((request, response) => {
  const path = new URL(request.url, 'http://x').pathname;
  if (path === '/api/auth/refresh') {
    return json(response, { accessToken: 'bench', expiresIn: 3600, user: { id: 'bench', email: 'bench@tiketi.dev', name: 'Bench', role: 'USER' } });
  }
  if (path === `/api/events/${EVENT}`) return json(response, { id: EVENT, title: `${layout.totalSeats.toLocaleString('en')}-seat hall (benchmark)` });
  if (path === `/api/events/${EVENT}/seat-layout`) {
    response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
    return response.end(layoutGzip);
  }
  if (path === `/api/queue/${EVENT}/status`) {
    return json(response, { eventId: EVENT, status: 'ADMITTED', position: null, ahead: 0, totalWaiting: 0, estimatedWaitSeconds: 0, admissionToken: 'qr_bench' });
  }
  if (path === `/api/seats/${EVENT}/status`) return json(response, { eventId: EVENT, held: [], sold, asOf: new Date().toISOString() });
  if (path === `/api/seats/${EVENT}/stream`) {
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
    response.write(`event:snapshot\ndata:${JSON.stringify({ eventId: EVENT, held: [], sold })}\n\n`);
    streams.add(response);
    request.on('close', () => streams.delete(response));
    return undefined;
  }
  if (path.startsWith('/api/')) {
    response.writeHead(404, { 'Content-Type': 'application/problem+json' });
    return response.end('{"code":"not-found"}');
  }
  let file = join(dist, path);
  if (!file.startsWith(dist) || !existsSync(file) || statSync(file).isDirectory()) file = join(dist, 'index.html');
  response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
  return response.end(readFileSync(file));
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
process.env.TIKETI_BASE_URL ??= `http://127.0.0.1:${server.address().port}`;
const base = `http://127.0.0.1:${server.address().port}`;

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const results = [];
for (let run = 1; run <= runs; run++) {
  const session = await openBrowser({ width: 1280, height: 900 });
  const { page } = session;
  try {
    await page.goto(`${base}/events/${EVENT}/seats`);
    await page.waitForFunction(() => performance.getEntriesByName('seatmap:first-draw').length > 0, null, { timeout: 30_000 });
    const firstDraw = await page.evaluate(() => {
      const resource = (suffix) => performance.getEntriesByType('resource').find((entry) => entry.name.endsWith(suffix));
      const layout = resource('/seat-layout');
      return {
        firstDraw: performance.getEntriesByName('seatmap:first-draw')[0].startTime,
        layout: layout?.duration,
        layoutRequested: layout?.startTime,
        layoutArrived: layout?.responseEnd,
        refreshed: resource('/api/auth/refresh')?.responseEnd,
        domContentLoaded: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd,
      };
    });
    await page.getByText('실시간 좌석 현황').waitFor();
    await page.waitForTimeout(1000);
    // frame intervals while the stream delivers `rate` changes a second
    await page.evaluate(() => {
      window.__frames = [];
      let last = performance.now();
      const tick = (now) => {
        window.__frames.push(now - last);
        last = now;
        if (!window.__stop) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const stop = feed();
    await page.waitForTimeout(seconds * 1000);
    const sent = stop();
    const frames = await page.evaluate(() => {
      window.__stop = true;
      return window.__frames.slice(1);
    });
    if (process.env.SCREENSHOT && run === 1) await page.screenshot({ path: process.env.SCREENSHOT });
    const heldShown = await page.getByRole('list', { name: '범례' }).getByText(/^선점됨 \d+$/).textContent();
    const sorted = [...frames].sort((a, b) => a - b);
    results.push({
      run,
      firstDrawMs: Math.round(firstDraw.firstDraw),
      layoutFetchMs: Math.round(firstDraw.layout ?? 0),
      domReadyMs: Math.round(firstDraw.domContentLoaded ?? 0),
      signedInMs: Math.round(firstDraw.refreshed ?? 0),
      layoutAskedMs: Math.round(firstDraw.layoutRequested ?? 0),
      layoutInMs: Math.round(firstDraw.layoutArrived ?? 0),
      changes: sent,
      changesPerSecond: Math.round(sent / seconds),
      frames: frames.length,
      fps: Math.round(frames.length / seconds),
      p50: +percentile(sorted, 50).toFixed(1),
      p95: +percentile(sorted, 95).toFixed(1),
      p99: +percentile(sorted, 99).toFixed(1),
      max: +sorted[sorted.length - 1].toFixed(1),
      over33ms: frames.filter((f) => f > 33.4).length,
      heldShown,
      errors: session.errors.length,
    });
  } finally {
    await session.close();
  }
}
server.close();
for (const stream of streams) stream.end();
console.log(`seats ${layout.totalSeats}, layout ${(layoutJson.length / 1e6).toFixed(1)} MB (${(layoutGzip.length / 1e6).toFixed(2)} MB gzipped)`);
console.table(results);
