// A sale in real browsers: buying two seats, a second buyer watching them go without reloading, and a
// declined card giving the seats back.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openBrowser, url } from './lib/browser.mjs';
import { holdPicked, legendCount, pay, pickedSeats, signUp, tapFreeSeat, waitForSeatMap } from './lib/buyer.mjs';
import { APPROVED_CARD, DECLINED_CARD, EVENT_ID, STRICT, eventually, newBuyer } from './lib/platform.mjs';

describe('buying seats', { concurrency: false }, () => {
  let watcher;

  before(async () => {
    // the second browser: another buyer with the same seat map open the whole time
    watcher = await openBrowser();
    await signUp(watcher, newBuyer('watcher'));
    await waitForSeatMap(watcher.page);
  });
  after(async () => {
    assert.deepEqual(watcher.errors, [], 'no script error in the watching browser');
    await watcher.close();
  });

  it('a buyer registers, waits in the queue, picks two seats, pays and sees the booking; the watcher sees them sold', async () => {
    const soldBefore = await legendCount(watcher.page, '판매 완료');
    const buyer = newBuyer('buyer');
    const session = await openBrowser();
    try {
      await signUp(session, buyer, { throughUi: true });
      await waitForSeatMap(session.page);
      const { page } = session;

      // one seat tapped on the canvas, one more from the keyboard picker next to it
      await tapFreeSeat(page);
      await eventually(async () => (await pickedSeats(page).count()) === 1, { what: 'the tapped seat to be picked' });
      await page.getByLabel('매수').selectOption('1');
      await page.getByRole('button', { name: '자동 선택' }).click();
      assert.equal(await pickedSeats(page).count(), 2);

      const hold = await holdPicked(page);
      assert.equal(hold.reservation.seats.length, 2);
      await eventually(async () => (await legendCount(watcher.page, '선점됨')) >= 2, { what: 'the watcher to see the hold' });

      assert.equal(await pay(session, hold, APPROVED_CARD), 'CONFIRMED');
      await eventually(async () => (await legendCount(watcher.page, '판매 완료')) === soldBefore + 2, {
        what: 'the watcher to see two more seats sold, without reloading',
      });

      await page.goto(url('/bookings'));
      const title = hold.reservation.event?.title;
      const listed = await page.getByText(title).first().isVisible({ timeout: 10_000 }).catch(() => false);
      if (!listed) {
        if (STRICT) assert.fail(`my bookings does not list ${title}`);
        console.log('# the bookings page of this build does not list bookings yet');
      }
      assert.deepEqual(session.errors, [], 'no script error in the buyer\'s browser');
    } finally {
      await session.close();
    }
  });

  it('a declined card gives the seats back, and the watcher sees them free again', async () => {
    const buyer = newBuyer('declined');
    const session = await openBrowser();
    try {
      await signUp(session, buyer);
      await waitForSeatMap(session.page);
      const { page } = session;
      const heldBefore = await legendCount(watcher.page, '선점됨');
      await page.getByLabel('매수').selectOption('2');
      await page.getByRole('button', { name: '자동 선택' }).click();
      const hold = await holdPicked(page);
      await eventually(async () => (await legendCount(watcher.page, '선점됨')) === heldBefore + 2, { what: 'the watcher to see the hold' });

      assert.equal(await pay(session, hold, DECLINED_CARD), 'CANCELLED');
      await eventually(async () => (await legendCount(watcher.page, '선점됨')) === heldBefore, {
        what: 'the watcher to see the seats free again, without reloading',
      });
      assert.deepEqual(session.errors, []);
    } finally {
      await session.close();
    }
  });
});
