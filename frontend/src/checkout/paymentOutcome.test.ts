import { isSettled, paymentOutcome, pollDelayMs, SLOW_AFTER_MS, type OutcomeInput } from './paymentOutcome';

const outcome = (input: Partial<OutcomeInput>) => paymentOutcome({ elapsedMs: 0, ...input });

describe('paymentOutcome', () => {
  it('is confirmed once the booking is', () => {
    expect(outcome({ reservation: { status: 'CONFIRMED' }, payment: { status: 'SUCCESS' } })).toEqual({ kind: 'confirmed' });
  });

  it('is declined with the PG reason as soon as the payment failed, before the booking has caught up', () => {
    expect(outcome({ reservation: { status: 'PENDING' }, payment: { status: 'FAILED', failureCode: 'CARD_DECLINED' } })).toEqual({
      kind: 'declined',
      failureCode: 'CARD_DECLINED',
    });
    expect(outcome({ reservation: { status: 'CANCELLED', cancelReason: 'PAYMENT_FAILED' } })).toEqual({ kind: 'declined', failureCode: undefined });
  });

  it('is still processing while the payment waits for the PG or the booking has not confirmed a success yet', () => {
    expect(outcome({ reservation: { status: 'PENDING' }, payment: { status: 'PENDING' } })).toEqual({ kind: 'processing', slow: false });
    expect(outcome({ reservation: { status: 'PENDING' }, payment: { status: 'SUCCESS' } })).toEqual({ kind: 'processing', slow: false });
    expect(outcome({ reservation: { status: 'PENDING' } })).toEqual({ kind: 'processing', slow: false });
    // a lost PG answer on an expired hold may still turn out charged (and then refunded)
    expect(outcome({ reservation: { status: 'EXPIRED' }, payment: { status: 'PENDING' } }).kind).toBe('processing');
  });

  it('says it is slow after a while without an answer', () => {
    expect(outcome({ reservation: { status: 'PENDING' }, payment: { status: 'PENDING' }, elapsedMs: SLOW_AFTER_MS })).toEqual({
      kind: 'processing',
      slow: true,
    });
  });

  it('is refunding, then refunded, when a charge came too late for the hold', () => {
    expect(outcome({ reservation: { status: 'EXPIRED' }, payment: { status: 'SUCCESS' } })).toEqual({ kind: 'refunding' });
    expect(outcome({ reservation: { status: 'EXPIRED' }, payment: { status: 'REFUND_PENDING' } })).toEqual({ kind: 'refunding' });
    expect(outcome({ reservation: { status: 'EXPIRED' }, payment: { status: 'REFUNDED' } })).toEqual({ kind: 'refunded' });
  });

  it('is expired or cancelled when the hold ended without a payment', () => {
    expect(outcome({ reservation: { status: 'EXPIRED' } })).toEqual({ kind: 'expired' });
    expect(outcome({ reservation: { status: 'CANCELLED', cancelReason: 'USER_RELEASED' } })).toEqual({ kind: 'cancelled' });
  });

  it('keeps polling only while the outcome can change, slower as it goes on', () => {
    expect(isSettled({ kind: 'processing', slow: true })).toBe(false);
    expect(isSettled({ kind: 'refunding' })).toBe(false);
    for (const kind of ['confirmed', 'refunded', 'expired', 'cancelled'] as const) expect(isSettled({ kind })).toBe(true);
    expect(isSettled({ kind: 'declined', failureCode: undefined })).toBe(true);
    expect(pollDelayMs(0)).toBe(1000);
    expect(pollDelayMs(3)).toBe(2000);
    expect(pollDelayMs(100)).toBe(5000);
  });
});
