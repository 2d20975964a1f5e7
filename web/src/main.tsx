import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { ApiError, get, type Prediction, restoreSession } from './api.ts';
import { AuthProvider } from './auth.tsx';
import { browserLanguage, I18nProvider, loadLanguage } from './i18n/index.tsx';
import { deviceUser } from './offline/device.ts';
import { registerServiceWorker } from './offline/register-sw.ts';
import { startOfflineSync } from './offline/sync.ts';
import './styles.css';

const queries = new QueryClient({
  defaultOptions: {
    queries: {
      // Slow, costly data: do not refetch on every focus, and do not retry client errors.
      staleTime: 60_000,
      refetchOnWindowFocus: false,
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      // Offline, requests still run: the phone answers what it can (offline/device.ts).
      networkMode: 'always',
    },
  },
});

// Both start at once, before anything renders: on 3G every round trip saved is ~0.4 s.
const restoring = restoreSession();
const initial = deviceUser()?.language ?? browserLanguage();
// Her last prediction from the phone is on screen at once; what is waiting is sent when it can be.
startOfflineSync(queries);
registerServiceWorker(restoring, () => queries.isFetching() > 0);
// Her home needs the prediction first: ask for it as soon as the session is back, not after render.
void restoring.then((user) => {
  if (user?.role === 'adolescent' && ['/', '/home'].includes(location.pathname))
    void queries.prefetchQuery({
      queryKey: ['prediction'],
      queryFn: () => get<Prediction>('/cycles/prediction'),
    });
});

const root = document.getElementById('root');
if (root) {
  const mount = root;
  // If her language cannot be fetched, start in English rather than not at all.
  void loadLanguage(initial)
    .then(
      () => initial,
      () => 'en' as const,
    )
    .then((language) =>
      createRoot(mount).render(
        <StrictMode>
          <QueryClientProvider client={queries}>
            <I18nProvider initial={language}>
              <AuthProvider restoring={restoring}>
                <App />
              </AuthProvider>
            </I18nProvider>
          </QueryClientProvider>
        </StrictMode>,
      ),
    );
}
