// One QueryClient for the app. Errors are shown globally unless a mutation sets meta.silent (forms show
// their errors inline). 401s are handled by the API client (redirect to /login).
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api/client.ts';
import { notifyError } from './lib/notify.ts';

function report(error: unknown): void {
  if (error instanceof ApiError && error.status === 401) return;
  notifyError(error instanceof Error ? error.message : String(error));
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (!query.meta?.['silent']) report(error);
    },
  }),
  mutationCache: new MutationCache({
    onError: (error, _vars, _ctx, mutation) => {
      if (!mutation.meta?.['silent']) report(error);
    },
  }),
  defaultOptions: {
    queries: {
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});
