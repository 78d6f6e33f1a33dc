import { execFile, spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alive, commandOf, descendants, portIsFree } from './test/process-tree.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..');

/** npm start's bundle (api/start.mjs), in a copy of the project so edits touch nobody else's tree. */
describe('npm start bundle', () => {
  let copy: string;
  beforeAll(async () => {
    copy = await mkdtemp(join(tmpdir(), 'parley-start-'));
    for (const dir of ['api', 'schema', 'plugins', 'prisma', 'clients'])
      await cp(join(root, dir), join(copy, dir), { recursive: true });
    await cp(join(root, 'package.json'), join(copy, 'package.json'));
    await symlink(join(root, 'node_modules'), join(copy, 'node_modules'));
  });
  afterAll(() => rm(copy, { recursive: true, force: true }));

  const build = async () => {
    await run(process.execPath, [join(copy, 'api/start.mjs'), '--build-only'], { cwd: copy });
    const manifest = JSON.parse(await readFile(join(copy, '.parley-build/manifest.json'), 'utf8'));
    return { outDir: manifest.outDir as string, main: await readFile(join(manifest.outDir, 'api/main.js'), 'utf8') };
  };

  it('bundles once, reuses the bundle while no source changes, and rebuilds after an edit', async () => {
    const first = await build();
    expect(first.main).toContain('Parley is running');
    expect((await build()).outDir).toBe(first.outDir);

    const mainTs = join(copy, 'api/main.ts');
    await writeFile(mainTs, (await readFile(mainTs, 'utf8')).replace('Parley is running', 'Parley was edited'));
    const edited = await build();
    expect(edited.outDir).not.toBe(first.outDir);
    expect(edited.main).toContain('Parley was edited');
  });

  it.skipIf(process.env.PARLEY_TEST_MODE === 'postgres')(
    'after building, keeps no esbuild process; on SIGTERM exits 0, leaves no process and frees its port',
    async () => {
      const mainTs = join(copy, 'api/main.ts');
      await writeFile(mainTs, `${await readFile(mainTs, 'utf8')}\n// edited: the start builds again\n`);
      const dataDir = await mkdtemp(join(tmpdir(), 'parley-start-data-'));
      const child = spawn(process.execPath, [join(copy, 'api/start.mjs')], {
        cwd: copy,
        env: { ...process.env, NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout.setEncoding('utf8');
      child.stderr.setEncoding('utf8');
      let out = '';
      child.stdout.on('data', (d: string) => (out += d));
      child.stderr.on('data', (d: string) => (out += d));
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      try {
        await expect.poll(() => out, { timeout: 60_000 }).toMatch(/"msg":"listening"/);
        const port = Number(/"port":(\d+)[^\n]*"msg":"listening"/.exec(out)?.[1]);
        const tree = descendants(child.pid as number);
        expect(tree.filter(alive).map(commandOf)).not.toContain('esbuild');
        child.kill('SIGTERM');
        expect(await exited).toBe(0);
        await expect.poll(() => tree.filter(alive), { timeout: 10_000 }).toEqual([]);
        expect(await portIsFree(port)).toBe(true);
      } finally {
        child.kill('SIGKILL');
        await rm(dataDir, { recursive: true, force: true });
      }
    },
    90_000,
  );

  it("keeps each module's own import.meta.url, so paths relative to a source resolve as from the sources", async () => {
    const { main } = await build();
    expect(main).toContain(JSON.stringify(new URL(`file://${join(copy, 'api/db/migrate.ts')}`).href));
  });
});
