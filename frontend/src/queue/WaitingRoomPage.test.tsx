import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import i18n from '../shared/i18n';
import { signedIn } from '../auth/session';
import WaitingRoomPage from './WaitingRoomPage';

const EVENT = 'e1';
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' } });
const waiting = (position: number) => ({ eventId: EVENT, status: 'WAITING', position, ahead: position - 1, totalWaiting: 50, estimatedWaitSeconds: 120 });
const admitted = (admissionToken: string) => ({ ...waiting(1), status: 'ADMITTED', position: null, ahead: 0, admissionToken });
/** Ticket 40 with 30 people ahead. */
const ticketed = { ...waiting(31), ticket: 40 };
const progress = (servedThrough: number, more: object = {}) => ({
  eventId: EVENT,
  servedThrough,
  totalWaiting: 45,
  admissionsPerSecond: 0.1,
  closedReason: null,
  ...more,
});
/** Lets fake time pass and the page render what it brought. */
const elapse = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
const shownPlace = () => screen.getByTestId('queue-position').textContent;

/** A text/event-stream body the test writes into. */
function streamBody() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  const encoder = new TextEncoder();
  return {
    response: new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }),
    send: (event: string, data: unknown) => controller.enqueue(encoder.encode(`event:${event}\ndata:${JSON.stringify(data)}\n\n`)),
    end: () => controller.close(),
  };
}

/**
 * A room whose stream cannot be had: `progress` and `status` answer the polls. Answers the Authorization header
 * each progress and status call was made with.
 */
function pollingRoom(entered: object, progress: () => Response, status: () => Response) {
  const calls = { progress: [] as (string | undefined)[], status: [] as (string | undefined)[] };
  vi.stubGlobal('fetch', async (input: string, init: RequestInit) => {
    const authorization = (init.headers as Record<string, string>).Authorization;
    if (input.endsWith('/enter')) return json(200, entered);
    if (input.endsWith('/stream')) return json(502, { code: 'http-502' });
    if (input.endsWith('/progress')) {
      calls.progress.push(authorization);
      return progress();
    }
    if (input.endsWith('/status')) {
      calls.status.push(authorization);
      return status();
    }
    return json(200, { title: 'Concert' });
  });
  return calls;
}

function SeatsProbe() {
  const location = useLocation();
  return <p>seats with {(location.state as { admissionToken?: string } | null)?.admissionToken}</p>;
}

function renderRoom() {
  const router = createMemoryRouter(
    [
      { path: '/events/:eventId/queue', element: <WaitingRoomPage /> },
      { path: '/events/:eventId/seats', element: <SeatsProbe /> },
    ],
    { initialEntries: [`/events/${EVENT}/queue`] },
  );
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

describe('WaitingRoomPage', () => {
  const requests: string[] = [];
  beforeAll(() => i18n.changeLanguage('en'));
  afterAll(() => i18n.changeLanguage('ko'));
  beforeEach(() => {
    requests.length = 0;
    signedIn({ accessToken: 'access', expiresIn: 900, user: { id: 'u', email: 'u@x', name: 'U', role: 'USER' } });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('shows the place, follows the stream with the bearer token and moves on to the seats when admitted', async () => {
    const stream = streamBody();
    let streamAuthorization: string | undefined;
    vi.stubGlobal('fetch', async (input: string, init: RequestInit) => {
      requests.push(`${init.method ?? 'GET'} ${input}`);
      if (input.endsWith('/enter')) return json(200, waiting(7));
      if (input.endsWith('/stream')) {
        streamAuthorization = (init.headers as Record<string, string>).Authorization;
        return stream.response;
      }
      if (input === `/api/events/${EVENT}`) return json(200, { title: 'Concert' });
      return json(404, {});
    });
    renderRoom();
    expect(await screen.findByTestId('queue-position')).toHaveTextContent('7');
    expect(screen.getByText('6 people ahead of you')).toBeInTheDocument();
    stream.send('position', waiting(2));
    expect(await screen.findByText('1 person ahead of you')).toBeInTheDocument();
    expect(streamAuthorization).toBe('Bearer access');
    stream.send('admitted', { ...waiting(1), status: 'ADMITTED', position: null, ahead: 0, admissionToken: 'qr_token' });
    stream.end();
    expect(await screen.findByText('seats with qr_token')).toBeInTheDocument();
  });

  it('polls the status every 5 s when the stream cannot be had and the place has no ticket', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let polls = 0;
    vi.stubGlobal('fetch', async (input: string, init: RequestInit) => {
      requests.push(`${init.method ?? 'GET'} ${input}`);
      if (input.endsWith('/enter')) return json(200, waiting(3));
      if (input.endsWith('/stream')) return json(502, { code: 'http-502' });
      if (input.endsWith('/status')) {
        polls++;
        return json(200, polls < 2 ? waiting(2) : { ...waiting(1), status: 'ADMITTED', position: null, admissionToken: 'qr_polled' });
      }
      return json(200, { title: 'Concert' });
    });
    renderRoom();
    expect(await screen.findByText('checked every few seconds')).toBeInTheDocument();
    await vi.advanceTimersByTimeAsync(5000);
    expect(await screen.findByText('1 person ahead of you')).toBeInTheDocument();
    await vi.advanceTimersByTimeAsync(5000);
    expect(await screen.findByText('seats with qr_polled')).toBeInTheDocument();
    expect(polls).toBe(2);
    expect(requests.filter((request) => request.endsWith('/progress'))).toEqual([]);
  });

  it('follows the public progress without the token while polling and asks the own status only every 30 s', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const calls = pollingRoom(ticketed, () => json(200, progress(10)), () => json(200, ticketed));
    renderRoom();
    expect(await screen.findByText('checked every few seconds')).toBeInTheDocument();
    await elapse(28_000);
    expect(calls.progress).toEqual(Array(14).fill(undefined));
    expect(calls.status).toEqual([]);
    await elapse(2_000);
    expect(calls.status).toEqual(['Bearer access']);
    expect(calls.progress).toHaveLength(14);
  });

  it('shows the estimated place going down as the line is served', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let served = 5;
    pollingRoom(ticketed, () => json(200, progress(served)), () => json(200, ticketed));
    renderRoom();
    await screen.findByText('checked every few seconds');
    expect(shownPlace()).toBe('31');
    await elapse(2_000);
    // 34 tickets between the 5th served and the 40th, but the buyer's own status said 30 ahead
    expect(shownPlace()).toBe('31');
    expect(screen.getByText('30 people ahead of you')).toBeInTheDocument();
    served = 20;
    await elapse(2_000);
    expect(shownPlace()).toBe('20');
    expect(screen.getByText('19 people ahead of you')).toBeInTheDocument();
    expect(screen.getByText('about 4 minutes')).toBeInTheDocument();
    expect(screen.getByText('45')).toBeInTheDocument();
    served = 35;
    await elapse(2_000);
    expect(shownPlace()).toBe('5');
    expect(screen.getByText('4 people ahead of you')).toBeInTheDocument();
    expect(screen.getByText('under a minute')).toBeInTheDocument();
  });

  it('asks the own status at once when the ticket is served and moves on to the seats', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let served = 20;
    const calls = pollingRoom(ticketed, () => json(200, progress(served)), () => json(200, admitted('qr_served')));
    renderRoom();
    await screen.findByText('checked every few seconds');
    await elapse(2_000);
    expect(shownPlace()).toBe('20');
    expect(calls.status).toEqual([]);
    served = 40;
    await elapse(2_000);
    expect(screen.getByText('seats with qr_served')).toBeInTheDocument();
    expect(calls.status).toEqual(['Bearer access']);
  });

  it('asks the own status at once when the room is closed and explains it', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const calls = pollingRoom(
      ticketed,
      () => json(200, progress(20, { admissionsPerSecond: 0, closedReason: 'EVENT_CANCELLED' })),
      () => json(409, { code: 'queue-closed' }),
    );
    renderRoom();
    await screen.findByText('checked every few seconds');
    await elapse(2_000);
    expect(screen.getByRole('alert')).toHaveTextContent('Tickets are not on sale right now');
    expect(calls.status).toEqual(['Bearer access']);
  });

  it.each([
    ['404 queue-not-found', 404, 'queue-not-found'],
    ['502', 502, 'http-502'],
  ])('polls the own status every 5 s when the progress answers %s', async (_answer, httpStatus, code) => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const statuses = [{ ...waiting(2), ticket: 40 }, admitted('qr_fallback')];
    const calls = pollingRoom(ticketed, () => json(httpStatus, { code }), () => json(200, statuses.shift()));
    renderRoom();
    await screen.findByText('checked every few seconds');
    await elapse(2_000);
    expect(calls.status).toEqual(['Bearer access']);
    expect(screen.getByText('1 person ahead of you')).toBeInTheDocument();
    await elapse(4_000);
    expect(calls.status).toHaveLength(1);
    await elapse(1_000);
    expect(screen.getByText('seats with qr_fallback')).toBeInTheDocument();
    expect(calls.progress).toEqual([undefined, undefined]);
  });

  it('waits as long as a 429 on the progress asks before polling again', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const calls = pollingRoom(
      ticketed,
      () => new Response(JSON.stringify({ code: 'too-many-requests' }), { status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '12' } }),
      () => json(200, ticketed),
    );
    renderRoom();
    await screen.findByText('checked every few seconds');
    await elapse(2_000);
    expect(calls).toEqual({ progress: [undefined], status: ['Bearer access'] });
    await elapse(11_000);
    expect(calls.progress).toHaveLength(1);
    await elapse(1_000);
    expect(calls.progress).toHaveLength(2);
  });

  it('explains being in another queue', async () => {
    vi.stubGlobal('fetch', async (input: string) =>
      input.endsWith('/enter') ? json(409, { code: 'already-in-another-queue' }) : json(200, { title: 'Concert' }),
    );
    renderRoom();
    expect(await screen.findByRole('alert')).toHaveTextContent('You are already waiting for another event');
  });

  it('leaves the queue and can join again', async () => {
    const stream = streamBody();
    vi.stubGlobal('fetch', async (input: string, init: RequestInit) => {
      requests.push(`${init.method ?? 'GET'} ${input}`);
      if (input.endsWith('/enter')) return json(200, waiting(4));
      if (input.endsWith('/stream')) return stream.response;
      if (init.method === 'DELETE') return new Response(null, { status: 204 });
      return json(200, { title: 'Concert' });
    });
    renderRoom();
    await userEvent.click(await screen.findByRole('button', { name: 'Leave the queue' }));
    expect(await screen.findByText(/You left the queue/)).toBeInTheDocument();
    expect(requests).toContain(`DELETE /api/queue/${EVENT}`);
    await userEvent.click(screen.getByRole('button', { name: 'Join the queue again' }));
    expect(await screen.findByTestId('queue-position')).toHaveTextContent('4');
    expect(requests.filter((request) => request.endsWith('/enter'))).toHaveLength(2);
  });
});
