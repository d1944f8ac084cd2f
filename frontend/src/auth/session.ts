import { ApiProblem, parseRetryAfter, type ProblemBody } from '../shared/api/problem';

/**
 * The signed-in session. The access token lives only in this module's memory; the refresh token is the
 * HttpOnly cookie user-service sets (path /api/auth), which scripts can neither read nor leak. A reload
 * therefore starts signed out and {@link restoreSession} asks /api/auth/refresh to sign in again silently.
 */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  phone?: string;
  role: 'USER' | 'ADMIN';
}

export interface AuthTokens {
  accessToken: string;
  expiresIn: number;
  user: SessionUser;
}

type Listener = (user: SessionUser | null) => void;

let accessToken: string | null = null;
let accessTokenExpiresAt = 0;
let currentUser: SessionUser | null = null;
let refreshing: Promise<boolean> | null = null;
const listeners = new Set<Listener>();

export function sessionUser(): SessionUser | null {
  return currentUser;
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function signedIn(tokens: AuthTokens): void {
  accessToken = tokens.accessToken;
  // renew a little early so that a request never leaves with a token about to expire
  accessTokenExpiresAt = Date.now() + Math.max(0, tokens.expiresIn - 30) * 1000;
  currentUser = tokens.user;
  listeners.forEach((listener) => listener(currentUser));
}

export function signedOut(): void {
  accessToken = null;
  accessTokenExpiresAt = 0;
  currentUser = null;
  listeners.forEach((listener) => listener(null));
}

/** The access token to send now, refreshed first when it has (nearly) expired. */
export async function currentAccessToken(): Promise<string | null> {
  if (accessToken && Date.now() < accessTokenExpiresAt) return accessToken;
  if (!currentUser && !accessToken) return null;
  return (await refreshSession()) ? accessToken : null;
}

/** Exchanges the refresh cookie for a new access token; one exchange at a time (the cookie rotates). */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const response = await fetch('/api/auth/refresh', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
      });
      if (!response.ok) {
        if (response.status >= 500) {
          const body = (await response.json().catch(() => ({}))) as ProblemBody;
          throw new ApiProblem(response.status, body, parseRetryAfter(response.headers.get('Retry-After')));
        }
        signedOut();
        return false;
      }
      signedIn((await response.json()) as AuthTokens);
      return true;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** On start-up: a refresh cookie from an earlier visit signs the buyer in without a password. */
export async function restoreSession(): Promise<void> {
  try {
    await refreshSession();
  } catch {
    signedOut();
  }
}
