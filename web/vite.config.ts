// Builds the workbench into dist/web, which `skein serve` serves beside the API (same origin, no CORS).
// `npx vite --config web/vite.config.ts` serves it for development, proxying the API to `skein serve`.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const here = dirname(fileURLToPath(import.meta.url));
const api = process.env.SKEIN_API ?? "http://127.0.0.1:8080";

export default defineConfig({
  root: here,
  base: "./",
  plugins: [react()],
  // The graph layout's web worker is bundled as its own module file, served from the same origin (CSP).
  worker: { format: "es" },
  build: { outDir: resolve(here, "../dist/web"), emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    host: "127.0.0.1",
    proxy: Object.fromEntries(
      ["/api", "/match", "/search", "/entities", "/algorithms", "/openapi.json"].map((p) => [p, api]),
    ),
  },
});
