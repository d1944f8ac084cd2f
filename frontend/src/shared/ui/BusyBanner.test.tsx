import { act, render, screen } from '@testing-library/react';
import { api } from '../api/http';
import { reportBusy } from '../api/busy';
import { BusyBanner } from './BusyBanner';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function answer(status: number, body: object, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

describe('busy banner', () => {
  it('shows the wait while a call is retried and goes once the retry has been answered', () => {
    vi.useFakeTimers();
    render(<BusyBanner />);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    act(() => reportBusy(4));
    expect(screen.getByRole('status')).toHaveTextContent('접속자가 많아 잠시 후 다시 시도합니다 (4초)');
    act(() => vi.advanceTimersByTime(2_000));
    expect(screen.getByRole('status')).toHaveTextContent('(2초)');
    act(() => vi.advanceTimersByTime(4_000));
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('is what api() reports to while it retries 503 overloaded, after the Retry-After', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(answer(503, { code: 'overloaded' }, { 'Retry-After': '0' }))
      .mockResolvedValueOnce(answer(503, { code: 'overloaded' }, { 'Retry-After': '0' }))
      .mockResolvedValueOnce(answer(200, { ok: true }));
    vi.stubGlobal('fetch', fetch);
    const onBusy = vi.fn();
    await expect(api('/events', { auth: false, onBusy })).resolves.toEqual({ ok: true });
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(onBusy).toHaveBeenCalledTimes(2);
  });

  it('gives up after a few retries with the overloaded problem', async () => {
    vi.stubGlobal('fetch', vi.fn().mockImplementation(async () => answer(503, { code: 'overloaded' }, { 'Retry-After': '0' })));
    await expect(api('/events', { auth: false, onBusy: () => undefined })).rejects.toMatchObject({ status: 503, code: 'overloaded' });
  });
});
