import { act, render, screen } from '@testing-library/react';
import { Countdown } from './Countdown';

describe('Countdown', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-06T00:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('counts down every second and reports the end once', () => {
    const expired = vi.fn();
    render(<Countdown until="2026-12-06T00:01:05Z" label="held for" onExpired={expired} />);
    expect(screen.getByRole('timer')).toHaveTextContent('01:05');
    act(() => vi.advanceTimersByTime(6000));
    expect(screen.getByRole('timer')).toHaveTextContent('00:59');
    expect(screen.getByRole('timer').closest('p')).toHaveClass('urgent');
    expect(expired).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(60_000));
    expect(screen.getByRole('timer')).toHaveTextContent('00:00');
    act(() => vi.advanceTimersByTime(5000));
    expect(expired).toHaveBeenCalledTimes(1);
  });

  it('shows zero for a time already past', () => {
    render(<Countdown until="2026-12-05T23:00:00Z" label="held for" />);
    expect(screen.getByRole('timer')).toHaveTextContent('00:00');
  });
});
