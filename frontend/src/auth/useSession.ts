import { useSyncExternalStore } from 'react';
import { onSessionChange, sessionUser, type SessionUser } from './session';

export function useSessionUser(): SessionUser | null {
  return useSyncExternalStore(onSessionChange, sessionUser, () => null);
}
