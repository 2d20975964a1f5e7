/**
 * Installs the service worker (sw.ts) once her first screen is up and its data has arrived: on
 * 3G the ~25 files it stores must not queue in front of that screen's requests (a browser opens
 * only six connections to a server). Only in the built app (the dev server has no sw.js).
 */
export function registerServiceWorker(firstScreen: Promise<unknown>, busy: () => boolean): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  // Checked every half second: nothing being fetched twice in a row (or 20 s gone by anyway).
  let quiet = 0;
  let checks = 0;
  const whenQuiet = () => {
    quiet = busy() ? 0 : quiet + 1;
    checks += 1;
    if (quiet >= 2 || checks >= 40) register();
    else setTimeout(whenQuiet, 500);
  };
  void firstScreen.finally(() => {
    if (document.readyState === 'complete') whenQuiet();
    else window.addEventListener('load', whenQuiet, { once: true });
  });
  // A page of an older release asking for a chunk a newer release removed: load the newer one,
  // at most once a minute (no loop when the chunk is missing for another reason).
  window.addEventListener('vite:preloadError', () => {
    try {
      const last = Number(sessionStorage.getItem('le.reloaded') ?? 0);
      if (Date.now() - last < 60_000 || !navigator.onLine) return;
      sessionStorage.setItem('le.reloaded', String(Date.now()));
    } catch {
      return;
    }
    location.reload();
  });
}
