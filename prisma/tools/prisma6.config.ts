// Config for prisma@6's CLI (installed as `prisma6`), used only for
// `migrate diff`: its WASM schema engine computes migration SQL offline,
// given a throwaway in-memory PGlite to talk to.
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { defineConfig } from 'prisma6/config';

function throwawayDatabase() {
  const lite = new PGlite();
  // The diff is printed in one write to stdout, after which the CLI is done;
  // PGlite's timers would otherwise hold the process open for ten more seconds.
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    const written = write(chunk, ...rest);
    process.stdout.write = write;
    setImmediate(() => void lite.close());
    return written;
  }) as typeof process.stdout.write;
  return new PrismaPGlite(lite);
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => throwawayDatabase(),
});
