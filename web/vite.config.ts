import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/**
 * The marsad web UI: a static single page (hash routes) built into web/dist,
 * which the API server serves from the same origin. `vite --config
 * web/vite.config.ts` runs a dev server that proxies /api to MARSAD_API
 * (default http://127.0.0.1:8787, e.g. `marsad serve --port 8787`).
 */
const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  base: "./",
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL("./dist", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
  },
  server: {
    proxy: { "/api": process.env.MARSAD_API ?? "http://127.0.0.1:8787" },
  },
});
