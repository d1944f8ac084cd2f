// A sale in real browsers, every step on the app's own pages: buying two seats, a second buyer watching them go
// without reloading, and a declined card giving the seats back.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openBrowser } from './lib/browser.mjs';
import { autoPick, buyFromEventPage, holdPicked, legendCount, pay, pickedSeats, signOutAndIn, signUp, tapFreeSeat, waitForSeatMap } from './lib/buyer.mjs';
import { APPROVED_CARD, DECLINED_CARD, EVENT_ID, apiCall, eventually, newBuyer } from './lib/platform.mjs';

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

  it('a buyer registers, signs in, waits in the queue, picks two seats, pays and sees the booking; the watcher sees them sold', async () => {
    // earlier scenarios sold seats of this event: the watcher's count starts from what the server says now, and
    // the watcher must show it before the purchase begins
    const soldBefore = (await apiCall('GET', `/seats/${EVENT_ID}/status`, { token: watcher.token })).body.sold.length;
    await eventually(async () => (await legendCount(watcher.page, '판매 완료')) === soldBefore, {
      what: `the watcher to show the ${soldBefore} seats sold before`,
    });
    const buyer = newBuyer('buyer');
    const session = await openBrowser();
    try {
      await signUp(session, buyer);
      await signOutAndIn(session, buyer);
      await buyFromEventPage(session.page);
      const { page } = session;

      // one seat tapped on the canvas, one more from the keyboard picker next to it
      await tapFreeSeat(page);
      await eventually(async () => (await pickedSeats(page).count()) === 1, { what: 'the tapped seat to be picked' });
      await autoPick(page, 1);
      assert.equal(await pickedSeats(page).count(), 2);

      const hold = await holdPicked(page);
      assert.equal(hold.reservation.seats.length, 2);
      await eventually(async () => (await legendCount(watcher.page, '선점됨')) >= 2, { what: 'the watcher to see the hold' });

      assert.equal(await pay(session, hold, APPROVED_CARD, 'CONFIRMED'), 'CONFIRMED');
      await eventually(async () => (await legendCount(watcher.page, '판매 완료')) === soldBefore + 2, {
        what: 'the watcher to see two more seats sold, without reloading',
      });

      // from the result page to my bookings, where the booking is listed under its event's title as confirmed
      const { title } = (await apiCall('GET', `/events/${EVENT_ID}`)).body;
      await page.getByRole('link', { name: '전체 예매 내역' }).click();
      await page.getByRole('heading', { name: '예매 내역', level: 1 }).waitFor();
      const booking = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title, level: 2 }) });
      await booking.getByText('예매 확정').waitFor();
      assert.equal(await booking.count(), 1);
      assert.deepEqual(session.errors, [], 'no script error in the buyer\'s browser');
    } finally {
      await session.close();
    }
  });

  it('a declined card gives the seats back, and the watcher sees them free again', async () => {
    const session = await openBrowser();
    try {
      await signUp(session, newBuyer('declined'));
      await buyFromEventPage(session.page);
      const { page } = session;
      const heldBefore = await legendCount(watcher.page, '선점됨');
      await autoPick(page, 2);
      const hold = await holdPicked(page);
      await eventually(async () => (await legendCount(watcher.page, '선점됨')) === heldBefore + 2, { what: 'the watcher to see the hold' });

      assert.equal(await pay(session, hold, DECLINED_CARD, 'CANCELLED'), 'CANCELLED');
      await eventually(async () => (await legendCount(watcher.page, '선점됨')) === heldBefore, {
        what: 'the watcher to see the seats free again, without reloading',
      });
      assert.deepEqual(session.errors, []);
    } finally {
      await session.close();
    }
  });
});
