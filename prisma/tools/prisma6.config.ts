// Config for prisma@6's CLI (installed as `prisma6`), used only for
// `migrate diff`: its WASM schema engine computes migration SQL offline,
// given a throwaway in-memory PGlite to talk to.
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { defineConfig } from 'prisma6/config';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => new PrismaPGlite(new PGlite()),
});
