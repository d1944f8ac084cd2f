import { bookingStateKey } from './bookingStatus';
import { cancellationOpen } from './cancellation';

describe('cancellation window (until the day before the event, Korean time)', () => {
  const startsAt = '2027-01-10T10:00:00Z'; // 19:00 on 10 January in Seoul

  it('is open on the day before the event until midnight in Seoul', () => {
    expect(cancellationOpen(startsAt, Date.parse('2027-01-09T14:59:59Z'))).toBe(true); // 23:59:59 on the 9th KST
  });

  it('is closed from midnight of the event day in Seoul, even when it is still the day before in UTC', () => {
    expect(cancellationOpen(startsAt, Date.parse('2027-01-09T15:00:00Z'))).toBe(false); // 00:00 on the 10th KST
    expect(cancellationOpen(startsAt, Date.parse('2027-01-11T00:00:00Z'))).toBe(false);
  });
});

describe('booking state names', () => {
  it('tells the organiser cancelling from the buyer cancelling, and falls back for unknown reasons', () => {
    expect(bookingStateKey({ status: 'CANCELLED', cancelReason: 'EVENT_CANCELLED' })).toBe('state.CANCELLED.EVENT_CANCELLED');
    expect(bookingStateKey({ status: 'REFUNDED', cancelReason: 'USER_CANCELLED' })).toBe('state.REFUNDED.USER_CANCELLED');
    expect(bookingStateKey({ status: 'CANCELLED', cancelReason: 'SOMETHING_NEW' })).toBe('state.CANCELLED.OTHER');
    expect(bookingStateKey({ status: 'EXPIRED' })).toBe('state.EXPIRED');
  });
});
