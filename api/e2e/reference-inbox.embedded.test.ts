import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  AddSendingNumberDocument,
  AssignSeatDocument,
  BuySeatsDocument,
  CreateChannelAccountDocument,
  SimulateInboundMessageDocument,
  UpdateTenantSettingsDocument,
  UpsertApplicationDocument,
  UpsertCandidateDocument,
  UpsertJobDocument,
} from '../../clients/generated/graphql.ts';
import { startTestServer, type TestServer, type TestTenant } from '../test/harness.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CANDIDATE_PHONE = '+14155550123';
/** Generous: a loaded CI machine runs two test projects beside this browser. */
const WAIT = { timeout: 15_000 };

/**
 * The reference inbox (clients/inbox) in real Chromium, against the real server on the embedded
 * default with the sandbox carrier: what a partner sees in their first hour.
 */
describe('the reference inbox in Chromium', () => {
  let server: TestServer;
  let tenant: TestTenant;
  let browser: Browser;
  let page: Page;
  let token: string;
  let conversationId: string;
  let recruiterId: string;
  let shots: string;
  /** The page's own errors, shown with a failure: what a locator's timeout cannot say. */
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `No Chromium at ${CHROMIUM}: this test drives the Debian package. Install it with \`apt-get install chromium\` (CI's .ci/run does), or set CHROMIUM_PATH.`,
      );
    }
    // The build npm ci's postinstall made, made again if a source is newer (a second or two).
    await promisify(execFile)(process.execPath, ['clients/inbox/build.mjs']);
    [server, browser, shots] = await Promise.all([
      startTestServer({ env: { REFERENCE_INBOX: 'on', SANDBOX_DELIVERY_DELAY_MS: '50-150' } }),
      chromium.launch({ executablePath: CHROMIUM, headless: true }),
      mkdtemp(join(tmpdir(), 'parley-reference-inbox-')),
    ]);
    ({ tenant, token, conversationId, recruiterId } = await sandboxConversation(server));
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && pageErrors.push(m.text()));
  });
  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail' || !page) return;
    await shot('failed').catch(() => {});
    console.error(`The page when it failed (screenshot in ${shots}):\n${await page.locator('body').innerText()}`);
    if (pageErrors.length) console.error(`The page's errors:\n${pageErrors.join('\n')}`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const candidateTexts = async (body: string, from = CANDIDATE_PHONE) => {
    const { simulateInboundMessage } = await tenant.client.request(SimulateInboundMessageDocument, {
      input: { from, body },
    });
    expect(simulateInboundMessage.__typename).toBe('SimulatedInboundMessage');
  };
  const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`) });

  it('serves the built files with their content types, and nothing outside them', async () => {
    const base = server.url.replace(/\/graphql$/, '');
    const index = await rawGet(base, '/inbox/');
    // The page may talk to this service only: no socket to another host (where a token could leak to).
    expect(index.csp).toContain("connect-src 'self';");
    expect(index).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    const script = index.body.match(/src="(\/inbox\/assets\/[^"]+\.js)"/)?.[1];
    expect(await rawGet(base, script ?? '/inbox/assets/missing.js')).toMatchObject({
      status: 200,
      type: 'text/javascript; charset=utf-8',
    });
    expect(await rawGet(base, '/inbox')).toMatchObject({ status: 308 });
    expect(await rawGet(base, '/inbox/conversations/anything')).toMatchObject({ status: 200, type: /text\/html/ });
    for (const path of ['/inbox/../package.json', '/inbox/%2e%2e/%2e%2e/package.json', '/inbox/..%2f..%2f.env']) {
      const answer = await rawGet(base, path);
      expect(answer.status, path).not.toBe(200);
      expect(answer.body, path).not.toContain('"dependencies"');
    }
  });

  it('signs in, invites, opens on YES, sends and shows it delivered, shows a reply and a STOP live', async () => {
    const began = Date.now();
    await page.goto(`${server.url.replace(/\/graphql$/, '')}/inbox/`);
    await page.getByLabel('User token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('banner').getByText('Rita Recruiter').waitFor(WAIT);
    const bell = (count: number) => page.getByRole('status', { name: `${count} unread notifications` });
    await bell(0).waitFor(WAIT);

    // No message yet, so not in the inbox: opened by its id, locked for want of consent.
    await page.getByLabel('Conversation id').fill(conversationId);
    await page.getByRole('button', { name: 'Open' }).click();
    const lock = page.getByRole('status', { name: 'SMS lock' });
    await lock.getByText('SMS is locked: no consent').waitFor(WAIT);
    await lock.getByText('Send an invitation if they consented at application', { exact: false }).waitFor(WAIT);

    // The composer asks previewMessage as one types: figures, and the refusal sendMessage would give.
    const composer = page.getByRole('form', { name: 'Composer' });
    await composer.getByLabel('Message').fill('Hi Cara, can you start Monday?');
    await composer.getByText(/1 segment · 30 characters \(GSM_7\) · \d+ credits?/).waitFor(WAIT);
    await composer
      .getByRole('list', { name: 'Refusals' })
      .getByText('Send an invitation if they consented', { exact: false })
      .waitFor(WAIT);
    await shot('1-locked');

    await lock.getByRole('button', { name: 'Send consent invitation' }).click();
    await lock.getByText('SMS is locked: waiting for YES').waitFor(WAIT);
    const messages = page.getByRole('list', { name: 'Messages' });
    await messages.getByText('reply YES to get text messages', { exact: false }).waitFor(WAIT);
    // Its first message puts the conversation in the inbox, live.
    await page.getByRole('navigation', { name: 'Inbox' }).getByText('Cara Candidate').waitFor(WAIT);

    // The candidate answers YES: the lock opens on the page, the preview no longer refuses, the bell rings.
    await candidateTexts('YES');
    await lock.waitFor({ ...WAIT, state: 'detached' });
    await messages.getByText('YES', { exact: true }).waitFor(WAIT);
    await composer.getByRole('list', { name: 'Refusals' }).waitFor({ ...WAIT, state: 'detached' });
    await bell(1).waitFor(WAIT); // OPTED_IN, to the invitation's author
    await shot('2-open');

    await composer.getByRole('button', { name: 'Send' }).click();
    const sent = messages.getByRole('listitem').filter({ hasText: 'Hi Cara, can you start Monday?' });
    await sent.getByText('✓✓ delivered').waitFor(WAIT);
    await expect.poll(() => composer.getByLabel('Message').inputValue(), WAIT).toBe('');

    // A reply, and then a STOP, arrive without a reload.
    await candidateTexts('Sounds good, see you then');
    await messages.getByText('Sounds good, see you then').waitFor(WAIT);
    await bell(2).waitFor(WAIT); // CANDIDATE_REPLIED
    await candidateTexts('STOP');
    await lock.getByText('SMS is locked: opted out').waitFor(WAIT);
    await lock.getByText('texted STOP', { exact: false }).waitFor(WAIT);
    await expect(lock.getByRole('button', { name: 'Send consent invitation' }).count()).resolves.toBe(0);
    await shot('3-stopped');
    console.log(`reference inbox walkthrough: ${Date.now() - began} ms in Chromium; screenshots in ${shots}`);
  }, 60_000);

  it('pages back through a long history', async () => {
    const phone = '+14155550124';
    const id = await application(tenant, recruiterId, 'dana', 'Dana Candidate', phone);
    // The 4 oldest one by one; the newer 30, which the first page shows, ten at a time.
    for (let i = 1; i <= 4; i++) await candidateTexts(`Note ${i} of 34`, phone);
    for (let from = 5; from <= 34; from += 10) {
      await Promise.all(Array.from({ length: 10 }, (_, k) => candidateTexts(`Note ${from + k} of 34`, phone)));
    }
    await page.getByLabel('Conversation id').fill(id);
    await page.getByRole('button', { name: 'Open' }).click();
    const messages = page.getByRole('list', { name: 'Messages' });
    await messages.getByText('Note 34 of 34').waitFor(WAIT);
    await expect.poll(() => messages.getByRole('listitem').filter({ hasText: /^Note/ }).count(), WAIT).toBe(30);
    expect(await messages.getByText('Note 4 of 34', { exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Older messages' }).click();
    await messages.getByText('Note 1 of 34', { exact: true }).waitFor(WAIT);
    await expect.poll(() => messages.getByRole('listitem').filter({ hasText: /^Note/ }).count(), WAIT).toBe(34);
    await page.getByRole('button', { name: 'Older messages' }).waitFor({ ...WAIT, state: 'detached' });
  }, 90_000);
});

/** A GET with the path sent as written (fetch would resolve `..` itself). */
function rawGet(base: string, path: string) {
  return new Promise<{ status: number; type: string | undefined; csp: string | undefined; body: string }>(
    (resolve, reject) => {
      const url = new URL(base);
      request({ host: url.hostname, port: url.port, path }, (res) => {
        let body = '';
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: res.headers['content-type'],
            csp: String(res.headers['content-security-policy']),
            body,
          }),
        );
      })
        .on('error', reject)
        .end();
    },
  );
}

/** A tenant on the sandbox carrier: a number, a seated recruiter on Cara's hiring team, her conversation. */
async function sandboxConversation(server: TestServer) {
  const tenant = await server.createTenant();
  const { createChannelAccount: account } = await server.operator.request(CreateChannelAccountDocument, {
    tenantId: tenant.id,
    pluginId: 'sandbox',
    label: 'Sandbox',
    credentials: { signingSecret: randomBytes(32).toString('hex') },
  });
  if (account.__typename !== 'ChannelAccount') throw new Error(JSON.stringify(account));
  const { addSendingNumber } = await server.operator.request(AddSendingNumberDocument, {
    tenantId: tenant.id,
    e164: '+15005550100',
    channelAccountId: account.id,
  });
  if (addSendingNumber.__typename !== 'SendingNumber') throw new Error(JSON.stringify(addSendingNumber));
  await tenant.client.request(BuySeatsDocument, { count: 1 });
  // The inbox sends trusted documents only, so it works for a tenant that requires them.
  const { updateTenantSettings } = await tenant.client.request(UpdateTenantSettingsDocument, {
    input: { requireTrustedDocuments: true },
  });
  if (updateTenantSettings.__typename !== 'Tenant') throw new Error(JSON.stringify(updateTenantSettings));
  const recruiter = await server.createUser(tenant, { name: 'Rita Recruiter' });
  await tenant.client.request(AssignSeatDocument, { userId: recruiter.user.id });
  await tenant.client.request(UpsertJobDocument, { input: { externalId: 'job', title: 'Barista' } });
  const conversationId = await application(tenant, recruiter.user.id, 'cara', 'Cara Candidate', CANDIDATE_PHONE);
  return { tenant, token: recruiter.token, conversationId, recruiterId: recruiter.user.id };
}

/** A candidate who applied with the SMS box ticked, the recruiter on the hiring team; their conversation's id. */
async function application(tenant: TestTenant, recruiterId: string, externalId: string, name: string, phone: string) {
  await tenant.client.request(UpsertCandidateDocument, { input: { externalId, name, phone } });
  const { upsertApplication } = await tenant.client.request(UpsertApplicationDocument, {
    input: {
      externalId: `app-${externalId}`,
      candidateExternalId: externalId,
      jobExternalId: 'job',
      hiringTeam: [recruiterId],
      consent: { sms: true },
    },
  });
  if (upsertApplication.__typename !== 'Application' || !upsertApplication.conversation) {
    throw new Error(JSON.stringify(upsertApplication));
  }
  return upsertApplication.conversation.id;
}
