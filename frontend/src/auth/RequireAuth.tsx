import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSessionUser } from './useSession';

/** Pages for signed-in buyers send others to sign in first and bring them back afterwards. */
export function RequireAuth({ children, role }: { children: ReactNode; role?: 'ADMIN' }) {
  const user = useSessionUser();
  const location = useLocation();
  if (!user) {
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  // a convenience only: every admin API refuses non-admins on the server
  if (role && user.role !== role) return <Navigate to="/" replace />;
  return <>{children}</>;
}
