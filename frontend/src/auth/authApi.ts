import { api } from '../shared/api/http';
import type { AuthTokens as AuthTokensBody, LoginRequest, RegisterRequest, UserProfile } from '../shared/api/schemas';
import { signedIn, type AuthTokens, type SessionUser } from './session';

/** Signs in: the access token stays in memory, the refresh token arrives as the HttpOnly cookie only. */
export async function login(request: LoginRequest): Promise<SessionUser> {
  const body = await api<AuthTokensBody>('/auth/login', { method: 'POST', body: request, auth: false });
  const tokens = body as unknown as AuthTokens;
  signedIn({ accessToken: tokens.accessToken, expiresIn: tokens.expiresIn, user: tokens.user });
  return tokens.user;
}

export function register(request: RegisterRequest): Promise<UserProfile> {
  return api<UserProfile>('/auth/register', { method: 'POST', body: request, auth: false });
}
