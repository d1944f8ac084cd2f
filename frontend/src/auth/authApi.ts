import { api } from '../shared/api/http';
import { ApiProblem } from '../shared/api/problem';
import type { AuthTokens, LoginRequest, RegisterRequest, UserProfile } from '../shared/api/schemas';
import { signedIn, type SessionUser } from './session';

/** Signs in: the access token stays in memory, the refresh token arrives as the HttpOnly cookie only. */
export async function login(request: LoginRequest): Promise<SessionUser> {
  const { accessToken, expiresIn, user } = await api<AuthTokens>('/auth/login', { method: 'POST', body: request, auth: false });
  if (!accessToken || expiresIn === undefined || !user?.id || !user.email) {
    throw new ApiProblem(502, { code: 'internal-error', title: 'incomplete sign-in answer' });
  }
  const sessionUser: SessionUser = {
    id: user.id,
    email: user.email,
    name: user.name ?? '',
    ...(user.phone ? { phone: user.phone } : {}),
    role: user.role === 'ADMIN' ? 'ADMIN' : 'USER',
  };
  signedIn({ accessToken, expiresIn, user: sessionUser });
  return sessionUser;
}

export function register(request: RegisterRequest): Promise<UserProfile> {
  return api<UserProfile>('/auth/register', { method: 'POST', body: request, auth: false });
}
