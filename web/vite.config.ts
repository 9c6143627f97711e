import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev:web` proxies /api to a `petrov serve` on PETROV_API (default 127.0.0.1:8080).
const api = process.env.PETROV_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root: import.meta.dirname,
  // Relative asset URLs, so the built app works wherever `petrov serve` mounts it.
  base: './',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1024 },
  server: {
    proxy: {
      '/api': {
        target: api,
        changeOrigin: true,
        // The server accepts only its own origin: the dev server's own pages speak for it.
        configure: (proxy) =>
          proxy.on('proxyReq', (proxyReq, req) => {
            if (req.headers.origin === `http://${req.headers.host}`) {
              proxyReq.setHeader('origin', new URL(api).origin);
            }
          }),
      },
    },
  },
});
