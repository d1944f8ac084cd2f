import { act, render, screen } from '@testing-library/react';
import { Countdown, secondsLeft } from './Countdown';

describe('Countdown', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-06T12:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('counts down every second and calls onExpire once at zero', () => {
    const onExpire = vi.fn();
    render(<Countdown deadline="2026-12-06T12:00:03Z" label="Time left" onExpire={onExpire} />);
    const shown = () => document.querySelector('time')?.textContent;
    expect(shown()).toBe('00:03');
    act(() => vi.advanceTimersByTime(1000));
    expect(shown()).toBe('00:02');
    act(() => vi.advanceTimersByTime(2000));
    expect(shown()).toBe('00:00');
    expect(onExpire).toHaveBeenCalledTimes(1);
    act(() => vi.advanceTimersByTime(5000));
    expect(onExpire).toHaveBeenCalledTimes(1);
  });

  it('shows minutes and seconds, labelled for screen readers, urgent in the last minute', () => {
    const { container } = render(<Countdown deadline={Date.parse('2026-12-06T12:04:05Z')} label="Time left to pay" />);
    expect(container.querySelector('time')).toHaveTextContent('04:05');
    expect(screen.getByText('Time left to pay')).toBeInTheDocument();
    expect(container.querySelector('.countdown')).not.toHaveClass('urgent');
    act(() => vi.advanceTimersByTime(3 * 60_000 + 10_000));
    expect(container.querySelector('.countdown')).toHaveClass('urgent');
  });

  it('is at zero, not negative, past the deadline', () => {
    expect(secondsLeft('2026-12-06T11:59:00Z')).toBe(0);
    expect(secondsLeft('2026-12-06T12:00:00.200Z')).toBe(1);
  });
});
