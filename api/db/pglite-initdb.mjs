// Makes, once, an empty PGlite database folder (initdb) that a fresh embedded data folder is
// copied from: initdb takes seconds and leaves hundreds of MiB of WASM memory in the process
// that ran it, so it runs here, in a process of its own (npm ci's postinstall, or the first
// start that finds no copy). `npm ci` removes node_modules, so a new PGlite makes a new one.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';

const templateDir = fileURLToPath(new URL('../../node_modules/.cache/parley/pglite-initdb', import.meta.url));

if (!existsSync(join(templateDir, 'PG_VERSION'))) {
  mkdirSync(dirname(templateDir), { recursive: true });
  const scratch = `${templateDir}.${process.pid}`;
  const lite = new PGlite(scratch);
  await lite.waitReady;
  await lite.close();
  try {
    renameSync(scratch, templateDir);
  } catch {
    rmSync(scratch, { recursive: true, force: true }); // another process made it first
  }
}
