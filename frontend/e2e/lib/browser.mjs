// Debian's Chromium driven by playwright-core: headless, no sandbox (containers), nothing phoning home, and a
// fresh profile per browser so that no cookie or cache leaks from one buyer to another.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const BASE_URL = (process.env.TIKETI_BASE_URL ?? 'http://localhost:8080').replace(/\/$/, '');

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** A browser with its own profile; close() also deletes the profile. */
export async function openBrowser({ width = 1280, height = 900, locale = 'ko-KR' } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'tiketi-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    viewport: { width, height },
    locale,
    timezoneId: 'Asia/Seoul',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(20_000);
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  return {
    context,
    page,
    errors,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export const url = (path) => `${BASE_URL}${path}`;
