import { QueryClient } from '@tanstack/react-query';
import { ApiProblem } from '../shared/api/problem';

/** Server state: client mistakes (4xx) are final, anything else is retried a few times with back-off. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      retry: (failureCount, error) =>
        !(error instanceof ApiProblem && error.status >= 400 && error.status < 500) && failureCount < 3,
      refetchOnWindowFocus: false,
    },
    mutations: { retry: false },
  },
});
