import { render, screen } from '@testing-library/react';
import { act } from 'react';
import i18n from '../i18n';
import en from '../i18n/locales/en/problems.json';
import ko from '../i18n/locales/ko/problems.json';
import { ApiProblem } from '../api/problem';
import { ProblemMessage } from './ProblemMessage';

/** Every code a buyer page can be answered with (the services' and the gateway's problem codes). */
const BUYER_CODES = [
  'validation-failed', 'malformed-request', 'network-error', 'authentication-required', 'invalid-token', 'access-denied',
  'rate-limited', 'overloaded', 'service-unavailable', 'upstream-timeout', 'internal-error', 'request-too-large',
  'registration-busy', 'login-busy', 'database-busy',
  'email-taken', 'invalid-credentials', 'account-locked', 'too-many-login-attempts', 'invalid-refresh-token',
  'refresh-token-expired', 'refresh-token-reused', 'user-not-found', 'authentication-unavailable',
  'event-not-found', 'notice-not-found', 'event-not-on-sale', 'event-cancelled',
  'queue-full', 'queue-closed', 'not-in-queue', 'already-in-another-queue', 'admission-token-invalid',
  'seats-unavailable', 'seats-not-in-event', 'hold-exists', 'hold-expired', 'reservation-not-found',
  'reservation-not-pending', 'reservation-not-confirmed', 'cancellation-closed', 'event-service-unavailable',
  'queue-service-unavailable',
  'payment-token-required', 'payment-token-invalid', 'reservation-not-payable', 'reservation-expired',
  'reservation-payment-exists', 'amount-mismatch', 'payment-key-reused', 'payment-gateway-unavailable', 'payment-not-found',
  'reservation-not-known-yet',
];

async function inLanguage(language: 'ko' | 'en') {
  await act(async () => {
    await i18n.changeLanguage(language);
  });
}

afterEach(() => inLanguage('ko'));

describe('problem messages', () => {
  it('has a Korean and an English sentence for every code a buyer page can meet', () => {
    for (const code of BUYER_CODES) {
      expect(ko.codes, code).toHaveProperty([code]);
      expect(en.codes, code).toHaveProperty([code]);
    }
    expect(Object.keys(en.codes).sort()).toEqual(Object.keys(ko.codes).sort());
    expect(Object.keys(en.fields).sort()).toEqual(Object.keys(ko.fields).sort());
  });

  it('explains a problem by its code in Korean by default and in English after the switch', async () => {
    const problem = new ApiProblem(409, { code: 'seats-unavailable', detail: 'Seats 1, 2 are held.' });
    const { rerender } = render(<ProblemMessage error={problem} />);
    expect(screen.getByRole('alert')).toHaveTextContent('이미 다른 분이 선택한 좌석');
    await inLanguage('en');
    rerender(<ProblemMessage error={problem} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Someone else has just taken one of those seats');
    // the server's English detail is technical and never shown
    expect(screen.getByRole('alert')).not.toHaveTextContent('Seats 1, 2 are held.');
  });

  it('says how long to wait from Retry-After', () => {
    render(<ProblemMessage error={new ApiProblem(503, { code: 'overloaded' }, 7)} />);
    expect(screen.getByRole('alert')).toHaveTextContent('7초 후');
  });

  it('gives a locked account its wait in minutes', () => {
    render(<ProblemMessage error={new ApiProblem(423, { code: 'account-locked' }, 600)} />);
    expect(screen.getByRole('alert')).toHaveTextContent('10분 후');
  });

  it('falls back to the status class for a code it does not know, and for errors that are not problems', () => {
    const { rerender } = render(<ProblemMessage error={new ApiProblem(409, { code: 'something-new' })} />);
    expect(screen.getByRole('alert')).toHaveTextContent(ko.conflict);
    rerender(<ProblemMessage error={new ApiProblem(0, {})} />);
    expect(screen.getByRole('alert')).toHaveTextContent(ko.codes['network-error']);
    rerender(<ProblemMessage error={new TypeError('boom')} />);
    expect(screen.getByRole('alert')).toHaveTextContent(ko.unexpected);
  });

  it('shows nothing without an error', () => {
    const { container } = render(<ProblemMessage error={null} />);
    expect(container).toBeEmptyDOMElement();
  });
});
