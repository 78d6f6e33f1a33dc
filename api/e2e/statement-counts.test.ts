import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PreviewMessageDocument, SendMessageDocument, UsersDocument } from '../../clients/generated/graphql.ts';
import { testMode } from '../test/databases.ts';
import { rawId, startTestServer, type TestServer } from '../test/harness.ts';
import { setUpHiring } from '../test/messaging-fixture.ts';
import { optIn } from '../test/opted-in.ts';
import { captureSql } from '../test/sql-capture.ts';

// Statement counts per request, so an N+1 or a lost optimisation fails here rather than in a benchmark.
describe.runIf(testMode === 'postgres')('SQL statements per request', () => {
  let server: TestServer;
  beforeAll(async () => {
    // Outbound webhooks poll beside requests too.
    server = await startTestServer({ env: { OUTBOX_WORKER: 'off', WEBHOOK_WORKER: 'off' } });
    // The event relay and the notifier run beside requests; their statements are not the request's.
    await server.app.services.relay.stop();
    await server.app.notifier.stop();
  });
  afterAll(() => server?.stop());

  it('sends a message in 3 statements once the conversation has its number', async () => {
    const h = await setUpHiring(server);
    await optIn(h);
    const send = (key: string) =>
      h.recruiter.client.request(SendMessageDocument, {
        input: { conversationId: h.conversationId, channel: 'SMS', body: 'Hello', idempotencyKey: key },
      });
    await send('warm-up-key-1'); // picks the number and caches the recruiter's credential
    const statements = await captureSql(async () => {
      expect((await send('counted-key-1')).sendMessage.__typename).toBe('Message');
    });
    expect(statements).toHaveLength(3);
  });

  it('sends in 2 statements when the result asks only for the message’s own fields, answered as stored', async () => {
    const h = await setUpHiring(server);
    await optIn(h);
    const query = `mutation($input: SendMessageInput!) { sendMessage(input: $input) {
      __typename ... on Message { id status segments encoding createdAt } } }`;
    type Sent = {
      sendMessage: {
        __typename: string;
        id: string;
        status: string;
        segments: number;
        encoding: string;
        createdAt: string;
      };
    };
    const send = (key: string) =>
      h.recruiter.client.request({ toString: () => query } as unknown as typeof SendMessageDocument, {
        input: { conversationId: h.conversationId, channel: 'SMS', body: 'Hello', idempotencyKey: key },
      }) as unknown as Promise<Sent>;
    await send('own-fields-warm-up');
    let sent: Sent | undefined;
    const statements = await captureSql(async () => {
      sent = await send('own-fields-counted');
    });
    expect(statements).toHaveLength(2);
    const stored = await server.app.services.prisma.message.findUniqueOrThrow({
      where: { id: rawId(sent?.sendMessage.id ?? '') },
    });
    expect(sent?.sendMessage).toEqual({
      __typename: 'Message',
      id: sent?.sendMessage.id,
      status: stored.status,
      segments: stored.segments,
      encoding: stored.encoding,
      createdAt: stored.createdAt.toISOString(),
    });
    expect(stored.status).toBe('QUEUED');
    // A retry with the same key reads the first message back.
    expect((await send('own-fields-counted')).sendMessage.id).toBe(sent?.sendMessage.id);
  });

  it('previews a message in 1 statement, so a composer can ask on every keystroke', async () => {
    const h = await setUpHiring(server);
    await optIn(h);
    const preview = () =>
      h.recruiter.client.request(PreviewMessageDocument, {
        input: { conversationId: h.conversationId, channel: 'SMS', body: 'Hello there' },
      });
    await preview();
    const statements = await captureSql(async () => {
      expect((await preview()).previewMessage?.allowed).toBe(true);
    });
    expect(statements).toHaveLength(1);
  });

  it('lists 20 users with their seats without a query per user', async () => {
    const h = await setUpHiring(server);
    for (let i = 0; i < 17; i++) await server.createUser(h.tenant);
    await h.admin.client.request(UsersDocument, { first: 50 });
    const statements = await captureSql(async () => {
      const { tenant } = await h.admin.client.request(UsersDocument, { first: 50 });
      expect(tenant.users.edges).toHaveLength(20);
    });
    expect(statements.length).toBeLessThanOrEqual(4);
  });
});
