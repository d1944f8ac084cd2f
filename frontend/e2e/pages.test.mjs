// Every main page: no horizontal overflow on a 375 px phone, and no serious or critical axe-core finding.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { openBrowser } from './lib/browser.mjs';
import { PAGE_NAMES, walkMainPages } from './lib/pages.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe('main pages', { concurrency: false }, () => {
  it('fit a 375 px wide phone without horizontal scrolling', async () => {
    const session = await openBrowser({ width: 375, height: 812 });
    const overflowing = [];
    const seen = [];
    try {
      await walkMainPages(session, async (name, page) => {
        seen.push(name);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 375) overflowing.push(`${name}: ${width} px`);
      });
    } finally {
      await session.close();
    }
    assert.deepEqual(seen, PAGE_NAMES);
    assert.deepEqual(overflowing, []);
    assert.deepEqual(session.errors, []);
  });

  it('have no serious or critical accessibility violation (axe-core, WCAG 2.1 A/AA)', async () => {
    const session = await openBrowser();
    const findings = [];
    try {
      await walkMainPages(session, async (name, page) => {
        // evaluated through the debugging protocol: the app's CSP (script-src 'self') refuses an injected <script>
        await page.evaluate(AXE);
        const violations = await page.evaluate(async () => {
          const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
          return result.violations
            .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
            .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
        });
        findings.push(...violations.map((violation) => `${name}: ${violation}`));
      });
    } finally {
      await session.close();
    }
    assert.deepEqual(findings, []);
  });
});
