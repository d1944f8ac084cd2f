import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import './shared/i18n';
import './shared/ui/theme.css';
import { queryClient } from './app/queryClient';
import { routes } from './app/routes';
import { restoreSession } from './auth/session';

const router = createBrowserRouter(routes);

// the first render waits for the silent refresh so pages never flash "signed out" for a signed-in buyer
void restoreSession().finally(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );
});
