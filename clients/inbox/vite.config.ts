import { defineConfig } from 'vite';

// `npm run inbox:build` writes dist/ (git-ignored), which the service serves at /inbox in development.
// `npm run inbox:dev` serves the sources with Vite's dev server, talking to `npm start` on :4000.
export default defineConfig({
  base: '/inbox/',
  logLevel: 'warn',
  build: { outDir: 'dist', emptyOutDir: true, reportCompressedSize: false },
  server: { proxy: { '/graphql': { target: 'http://localhost:4000', ws: true } } },
});
