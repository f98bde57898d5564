import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The API in development (`npm start` listens on 3000); the built UI is served by the API itself. */
const api = process.env.SMEDX_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: {
    // The contract shared with the server (types, pure rules, state tables): libs/contracts, no Node code.
    alias: [
      { find: /^@smedx\/contracts$/, replacement: fileURLToPath(new URL('../../libs/contracts/src/index.ts', import.meta.url)) },
      { find: /^@smedx\/contracts\/(.*)$/, replacement: fileURLToPath(new URL('../../libs/contracts/src/$1', import.meta.url)) },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd and echarts each land in their own chunk, well above the default warning size.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: {
      '/api': api,
      '/health': api,
    },
  },
});
