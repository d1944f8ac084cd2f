import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import i18n from '../shared/i18n';
import HallEditorPage from './HallEditorPage';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' } });

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(async () => {
  await i18n.changeLanguage('ko');
  fetchMock = vi.fn();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

function renderEditor() {
  const router = createMemoryRouter(
    [
      { path: '/admin/venues/:venueId/halls/new', element: <HallEditorPage /> },
      { path: '/admin/halls/:hallId', element: <HallEditorPage /> },
    ],
    { initialEntries: ['/admin/venues/v1/halls/new'] },
  );
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

it('draws the seat map as rows change and counts the seats', async () => {
  const user = userEvent.setup();
  renderEditor();
  expect(screen.getByText(/총 100석/)).toBeInTheDocument();
  const seats = within(screen.getByRole('group', { name: 'A구역 1열' })).getByLabelText('좌석 수');
  await user.clear(seats);
  await user.type(seats, '40');
  expect(screen.getByText(/총 120석/)).toBeInTheDocument();
  expect(screen.getByTestId('seat-preview').querySelectorAll('rect[rx="1"]')).toHaveLength(120);
  await user.click(screen.getByRole('button', { name: '구역 추가' }));
  expect(screen.getByRole('group', { name: 'B구역 5열' })).toBeInTheDocument();
  expect(screen.getByText(/총 220석/)).toBeInTheDocument();
});

it('puts the server\'s field errors next to the inputs they name, and saves once fixed', async () => {
  const user = userEvent.setup();
  fetchMock.mockResolvedValueOnce(
    json(400, {
      code: 'validation-failed',
      status: 400,
      errors: [
        { field: 'seatTemplate.sections[0].rows[1].seats', code: 'Range', message: 'must be between 1 and 200' },
        { field: 'seatTemplate.prices.R', code: 'MissingPrice', message: 'grade R is used by seats but has no price' },
        { field: 'name', code: 'NotBlank', message: 'must not be blank' },
      ],
    }),
  );
  const router = renderEditor();
  await user.click(screen.getByRole('button', { name: '홀 저장' }));

  // the row's group may be drawn again while the answer is applied: queried afresh until it shows the error
  await waitFor(() => expect(within(screen.getByRole('group', { name: 'A구역 2열' })).getByText('허용 범위를 벗어났습니다.'))
    .toBeInTheDocument());
  const row = within(screen.getByRole('group', { name: 'A구역 2열' }));
  expect(row.getByLabelText(/^좌석 수/)).toHaveAttribute('aria-invalid', 'true');
  expect(within(screen.getByRole('group', { name: 'A구역 1열' })).getByLabelText('좌석 수')).not.toHaveAttribute('aria-invalid');
  expect(screen.getByLabelText(/^R 가격/)).toHaveAttribute('aria-invalid', 'true');
  expect(screen.getByText('이 등급을 쓰는 좌석이 있어 가격이 필요합니다.')).toBeInTheDocument();
  expect(screen.getByLabelText(/^홀 이름/)).toHaveAttribute('aria-invalid', 'true');

  const [, request] = fetchMock.mock.calls[0] as [string, RequestInit];
  const sent = JSON.parse(String(request.body));
  expect(sent.seatTemplate.sections[0].rows).toHaveLength(5);
  expect(sent.seatTemplate.sections[0].rows[0]).toEqual({ label: '1', seats: 20, grade: null });

  const hall = { id: 'h1', venueId: 'v1', name: '대극장', seatCount: 100, seatTemplate: { ...sent.seatTemplate, prices: { R: 99000 } } };
  fetchMock.mockResolvedValueOnce(json(201, hall)).mockResolvedValue(json(200, hall));
  await user.type(screen.getByLabelText(/^홀 이름/), '대극장');
  await user.type(screen.getByLabelText(/^R 가격/), '99000');
  await user.click(screen.getByRole('button', { name: '홀 저장' }));
  // saving moves from the new hall's address to the saved one's, which draws the page again: the note that it
  // saved is looked for once the move is done, not on the page being left
  await waitFor(() => expect(router.state.location.pathname).toBe('/admin/halls/h1'));
  await waitFor(() => expect(screen.getByText('저장했습니다.')).toBeInTheDocument());
  expect(JSON.parse(String((fetchMock.mock.calls[1] as [string, RequestInit])[1].body)).seatTemplate.prices).toEqual({ R: 99000 });
});
