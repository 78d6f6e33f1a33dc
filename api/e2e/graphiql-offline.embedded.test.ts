import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test/harness.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('GraphiQL in a browser with no way out of the machine', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `No Chromium at ${CHROMIUM}: install the Debian package (CI's .ci/run does), or set CHROMIUM_PATH.`,
      );
    }
    [server, browser] = await Promise.all([
      startTestServer({ env: { NODE_ENV: 'development' } }),
      chromium.launch({ executablePath: CHROMIUM, headless: true }),
    ]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('renders its editor and reads the schema, every request going to the service', async () => {
    const page = await browser.newPage();
    const origin = new URL(server.url).origin;
    const elsewhere: string[] = [];
    const introspected: string[] = [];
    // Anything not from the service (or inline: data:, blob:) is refused, as it would fail offline.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      elsewhere.push(url);
      return route.abort();
    });
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.postData()?.includes('__schema')) introspected.push(request.url());
    });
    await page.goto(server.url, { waitUntil: 'load' });
    await page.locator('.graphiql-container').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => introspected.length, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(elsewhere).toEqual([]);
    expect(await page.title()).toBe('Parley');
    await page.close();
  }, 90_000);
});
