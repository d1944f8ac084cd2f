import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import RegisterPage from './RegisterPage';

function problem(status: number, body: object) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json' } });
}

function renderPage() {
  const router = createMemoryRouter(
    [
      { path: '/register', Component: RegisterPage },
      { path: '/', element: <h1>home</h1> },
    ],
    { initialEntries: ['/register'] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

async function fillValidForm(user: ReturnType<typeof userEvent.setup>) {
  await user.type(field('이메일'), 'minji@example.com');
  await user.type(field('비밀번호'), 'concert2026');
  await user.type(field('비밀번호 확인'), 'concert2026');
  await user.type(field('이름'), '김민지');
  await user.type(field('휴대폰 번호'), '010-1234-5678');
  await user.click(screen.getByLabelText('전체 동의'));
}

/** A field by its label (required fields carry a decorative " *"). */
const field = (label: string) => screen.getByLabelText(new RegExp(`^${label}( \\*)?$`));

afterEach(() => vi.unstubAllGlobals());

describe('RegisterPage', () => {
  it('labels every field and checks them before sending anything', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const user = userEvent.setup({ delay: null });
    renderPage();

    await user.type(field('이메일'), 'not-an-email');
    await user.type(field('비밀번호'), 'short');
    await user.type(field('비밀번호 확인'), 'other');
    await user.click(screen.getByRole('button', { name: '가입하기' }));

    expect(await screen.findByText('올바른 이메일 주소를 입력해 주세요.')).toBeInTheDocument();
    expect(field('이메일')).toHaveAttribute('aria-invalid', 'true');
    expect(field('비밀번호')).toHaveAccessibleDescription(expect.stringContaining('8~64자여야 합니다'));
    expect(screen.getByText('비밀번호가 일치하지 않습니다.')).toBeInTheDocument();
    expect(field('휴대폰 번호')).toHaveAccessibleDescription('필수 입력 항목입니다.');
    expect(screen.getByText('필수 약관에 동의해 주세요.')).toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('sends the configured terms with their versions and shows the server field errors next to their fields', async () => {
    const fetch = vi.fn().mockResolvedValue(
      problem(400, {
        code: 'validation-failed',
        errors: [
          { field: 'password', code: 'PasswordContainsEmail', message: 'must not contain your email address' },
          { field: 'phone', code: 'Pattern', message: 'must match' },
        ],
      }),
    );
    vi.stubGlobal('fetch', fetch);
    const user = userEvent.setup({ delay: null });
    renderPage();
    await fillValidForm(user);
    await user.click(screen.getByRole('button', { name: '가입하기' }));

    await waitFor(() => expect(field('비밀번호')).toHaveAttribute('aria-invalid', 'true'));
    expect(field('비밀번호')).toHaveAccessibleDescription(expect.stringContaining('비밀번호에 이메일 아이디를 넣을 수 없습니다.'));
    expect(field('휴대폰 번호')).toHaveAccessibleDescription('형식이 올바르지 않습니다.');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    const [url, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/auth/register');
    expect(JSON.parse(init.body as string)).toEqual({
      email: 'minji@example.com',
      password: 'concert2026',
      name: '김민지',
      phone: '010-1234-5678',
      agreements: [
        { code: 'SERVICE', version: '2025-01', agreed: true },
        { code: 'PRIVACY', version: '2025-01', agreed: true },
        { code: 'MARKETING', version: '2025-01', agreed: true },
      ],
    });
  });

  it('explains a taken email as a whole-form problem', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(problem(409, { code: 'email-taken' })));
    const user = userEvent.setup({ delay: null });
    renderPage();
    await fillValidForm(user);
    await user.click(screen.getByRole('button', { name: '가입하기' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('이미 가입된 이메일입니다');
  });
});
