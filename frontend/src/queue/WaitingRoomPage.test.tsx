import { render, screen } from '@testing-library/react';
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
  afterEach(() => vi.unstubAllGlobals());

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

  it('polls the status when the stream cannot be had', async () => {
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
    expect(await screen.findByText('checked every 5 s')).toBeInTheDocument();
    await vi.advanceTimersByTimeAsync(5000);
    expect(await screen.findByText('1 person ahead of you')).toBeInTheDocument();
    await vi.advanceTimersByTimeAsync(5000);
    expect(await screen.findByText('seats with qr_polled')).toBeInTheDocument();
    expect(polls).toBe(2);
    vi.useRealTimers();
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
