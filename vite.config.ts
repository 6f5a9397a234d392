// The public web app (web/): React + Vite, served by the Fastify server from web/dist.
//   npm run build:web   builds it;   npx vite   serves it on :5173 with /api proxied to :8080.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { boundaryAssets } from './web/build/boundary-assets.js';
import { precompress } from './web/build/precompress.js';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = resolve(here, 'web', 'dist');

/** Heavy libraries in their own chunks, loaded only by the pages that draw maps or charts. */
const chunkOf = (id: string): string | undefined => {
  if (/node_modules\/maplibre-gl\//.test(id)) return 'maplibre';
  if (/node_modules\/(echarts|zrender)\//.test(id)) return 'echarts';
  if (/node_modules\/(react|react-dom|react-router|scheduler)\//.test(id)) return 'react';
  if (/node_modules\/(i18next|react-i18next)\//.test(id)) return 'i18n';
  return undefined;
};

export default defineConfig({
  root: resolve(here, 'web'),
  base: '/',
  publicDir: resolve(here, 'web', 'public'),
  plugins: [
    react(),
    boundaryAssets(resolve(here, 'data', 'boundaries'), resolve(here, 'data', 'regions', 'cn-regions.json')),
    precompress(),
  ],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // maplibre alone is ~800 kB minified; it is split out and lazy, so the warning says nothing useful.
    chunkSizeWarningLimit: 1200,
    rollupOptions: { output: { manualChunks: chunkOf } },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
