/**
 * The service worker (src/web/sw.ts): registered after the page has loaded, in production builds
 * only (the dev server has none), so the first screen never waits for it.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  const register = () => void navigator.serviceWorker.register("/sw.js").catch(() => undefined);
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
}

/** The cache the worker keeps the application shell in (Workbox's precache: code, no data). */
const SHELL_CACHE = /^workbox-precache/;

/**
 * At logout: every Cache Storage entry that is not the application shell goes. The worker keeps
 * no other today (it never caches /api); this makes sure none can outlive a session should one
 * ever be added, so the next person on the device finds nothing of the previous one.
 */
export async function clearSessionCaches(): Promise<void> {
  if (typeof caches === "undefined") return;
  const names = await caches.keys();
  await Promise.all(names.filter((name) => !SHELL_CACHE.test(name)).map((name) => caches.delete(name)));
}
