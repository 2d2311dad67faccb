import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

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
 * The web app lives in src/web and is built into dist/web, which the server serves
 * (with index.html as the fallback for deep links). The server's CSP allows no inline
 * script, so nothing here may emit one; inline styles are allowed (Mantine needs them).
 */
export default defineConfig({
  root: path.join(repo, "src/web"),
  plugins: [react(), precompress()],
  build: {
    outDir: path.join(repo, "dist/web"),
    emptyOutDir: true,
    // The budget that matters is gzipped first-load JS (goal ≤ 200 KiB), which
    // `npm run bundle-size` measures; Vite's raw-size warning would only be noise.
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1000,
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
