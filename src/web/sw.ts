import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";

/**
 * The service worker (built by vite-plugin-pwa's injectManifest into dist/web/sw.js). It keeps the
 * application shell — index.html, the hashed scripts and styles, the icons — so the app opens
 * without a network and shows its own "sem conexão" state instead of the browser's error page.
 * It never answers /api from a cache and keeps no cache of its own: one person's data is never
 * left on a device another person may use next (logout, service-worker.ts, also clears any cache
 * that is not the shell's, should one ever appear).
 */

type PrecacheEntry = { url: string; revision: string | null };
type WaitUntil = { waitUntil(promise: Promise<unknown>): void };
type WorkerScope = {
  __WB_MANIFEST: PrecacheEntry[];
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: "install" | "activate", listener: (event: WaitUntil) => void): void;
};
const sw = self as unknown as WorkerScope;

// Written out as `self.__WB_MANIFEST` (the cast disappears when built): Workbox replaces that text with the list.
precacheAndRoute((self as unknown as WorkerScope).__WB_MANIFEST);
cleanupOutdatedCaches();

// Deep links (/pessoas/000001, /agenda…) open the shell; the API and the calendar feed go to the network.
registerRoute(new NavigationRoute(createHandlerBoundToURL("/index.html"), { denylist: [/^\/api\//] }));

// A new version takes over at once: a shell kept waiting until every tab closes would keep
// talking to a server that moved on. A page of the old version that then misses a chunk shows the
// error page's "Recarregue a página", as it would without a worker.
sw.addEventListener("install", (event) => event.waitUntil(sw.skipWaiting()));
sw.addEventListener("activate", (event) => event.waitUntil(sw.clients.claim()));
