import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";

const repo = import.meta.dirname;

/**
 * Writes .br and .gz beside every text asset once, at build time, so the server
 * sends compressed files (@fastify/static preCompressed) without compressing per request.
 */
function precompress(): Plugin {
  return {
    name: "vinculo-precompress",
    apply: "build",
    writeBundle(options, bundle) {
      const dir = options.dir ?? "";
      const files = [...Object.keys(bundle), "index.html"].filter((f) => /\.(js|css|html|svg|json)$/.test(f));
      for (const file of new Set(files)) {
        const full = path.join(dir, file);
        if (!fs.existsSync(full)) continue;
        const data = fs.readFileSync(full);
        if (data.length < 1024) continue;
        fs.writeFileSync(`${full}.gz`, zlib.gzipSync(data, { level: 9 }));
        fs.writeFileSync(
          `${full}.br`,
          zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}

/**
 * Installable (web manifest, icons) with a service worker that keeps the application shell for
 * offline starts (src/web/sw.ts; registered by src/web/app/service-worker.ts after the first
 * render, so no first-load byte waits for it). injectManifest: the worker is our own 30 lines
 * over workbox-precaching/routing, built by Vite, instead of a generated one with runtime caches
 * we would then have to keep away from API data. Only the shell is precached: scripts, styles,
 * index.html and the icons (not the pre-compressed .br/.gz copies, which the server picks itself).
 */
const pwa = VitePWA({
  strategies: "injectManifest",
  srcDir: ".",
  filename: "sw.ts",
  injectRegister: false,
  manifestFilename: "manifest.webmanifest",
  includeAssets: ["favicon.svg"],
  manifest: {
    name: "Vínculo — relacionamento com clientes",
    short_name: "Vínculo",
    description: "CRM centrado na pessoa para empresas que usam um ERP",
    lang: "pt-BR",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#3b5bdb",
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icon-512-maskable.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/favicon.svg", sizes: "any", type: "image/svg+xml" },
    ],
  },
  injectManifest: {
    globPatterns: ["**/*.{js,css,html,svg,png,webmanifest}"],
    // The Agenda's calendar chunk is the largest (~300 KiB raw): still part of the shell.
    maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
  },
});

/**
 * The web app lives in src/web and is built into dist/web, which the server serves
 * (with index.html as the fallback for deep links). The server's CSP allows no inline
 * script, so nothing here may emit one; inline styles are allowed (Mantine needs them).
 */
export default defineConfig({
  root: path.join(repo, "src/web"),
  plugins: [react(), precompress(), pwa],
  build: {
    outDir: path.join(repo, "dist/web"),
    emptyOutDir: true,
    // The budget that matters is gzipped first-screen JS (≤ 180 KiB), which `npm run bundle-size`
    // measures from .vite/manifest.json (chunk names only, what the browser sees anyway) and
    // `npm test` checks; Vite's raw-size warning would only be noise. Strings travel with the lazy
    // chunks of their features, English only for those who chose it.
    manifest: true,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // What the entry imports statically goes into the entry's one file: left to itself, the
          // bundler splits the modules lazy chunks share with it into more first-load files, and
          // each split costs gzipped bytes and a request (measured: 2 KiB over ~8 files).
          groups: [{ name: "index", tags: ["$initial"] }],
        },
      },
    },
  },
  server: {
    proxy: {
      // Same-origin for the browser, so cookies and the server's Origin check just work.
      "/api": { target: "http://127.0.0.1:3000" },
    },
  },
  preview: {
    proxy: { "/api": { target: "http://127.0.0.1:3000" } },
  },
});
