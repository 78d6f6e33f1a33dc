import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  ConversationDocument,
  ConversationUpdatedDocument,
  CreateApiKeyDocument,
  EventCursorDocument,
  TenantEventsDocument,
  UpdateTenantSettingsDocument,
  ViewerDocument,
} from '../../clients/generated/graphql.ts';
import { createParleyClient, type ParleyClient } from '../../clients/parley-client.ts';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { type Hiring, setUpHiring } from '../test/messaging-fixture.ts';
import { optIn } from '../test/opted-in.ts';

const hashOf = (document: { __meta__?: { hash?: string } }) => (document.__meta__?.hash ?? '').replace(/^sha256:/, '');
const persisted = (document: { __meta__?: { hash?: string } }) => ({
  persistedQuery: { version: 1, sha256Hash: hashOf(document) },
});
const ARBITRARY = '{ viewer { kind } }';
const INTROSPECTION = '{ __schema { queryType { name } } }';

/** The first result of an operation over SSE (POST, Accept: text/event-stream). */
async function firstSseResult(url: string, body: unknown, token: string) {
  const controller = new AbortController();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
    signal: controller.signal,
  });
  const reader = (response.body as NonNullable<typeof response.body>).pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const data = /(?:^|\n)data: ?(.*)\n\n/.exec(buffer)?.[1];
      if (data) return { status: response.status, body: JSON.parse(data) };
      const { value, done } = await reader.read();
      if (done) throw new Error(`SSE stream ended without a result: ${buffer}`);
      buffer += value;
    }
  } finally {
    controller.abort();
  }
}

/** Sends one operation over graphql-ws as given (query may be ""), and returns its first result or error. */
async function firstWsResult(url: string, token: string, payload: Record<string, unknown>) {
  const ws = createClient({
    url: url.replace(/^http/, 'ws'),
    connectionParams: { authorization: `Bearer ${token}` },
    webSocketImpl: WebSocket,
    retryAttempts: 0,
  });
  try {
    const iterator = ws.iterate(payload as { query: string });
    try {
      const next = await iterator.next();
      return { data: next.value?.data, errors: next.value?.errors };
    } catch (errors) {
      return { errors: errors as { message: string; extensions?: { code?: string } }[] };
    } finally {
      await iterator.return?.();
    }
  } finally {
    await ws.dispose();
  }
}

describe('trusted documents', () => {
  let server: TestServer;
  let h: Hiring;
  let cursorBeforeConsent: string;
  let trustedRecruiter: ParleyClient;

  const asUser = (token: string, body: unknown) => server.post(body, { authorization: `Bearer ${token}` });
  const requireTrusted = async (on: boolean) => {
    const { updateTenantSettings } = await h.tenant.client.request(UpdateTenantSettingsDocument, {
      input: { requireTrustedDocuments: on },
    });
    if (updateTenantSettings.__typename !== 'Tenant') throw new Error(JSON.stringify(updateTenantSettings));
    expect(updateTenantSettings.requireTrustedDocuments).toBe(on);
  };

  beforeAll(async () => {
    server = await startTestServer();
    h = await setUpHiring(server);
    cursorBeforeConsent = (await h.tenant.client.request(EventCursorDocument)).tenant?.eventCursor as string;
    await optIn(h); // an event on the conversation, replayed to subscriptions from cursorBeforeConsent
    trustedRecruiter = createParleyClient({
      url: server.url,
      credential: h.recruiter.token,
      webSocketImpl: WebSocket,
      trustedDocuments: true,
    });
  });
  afterAll(async () => {
    await trustedRecruiter?.close();
    await server?.stop();
  });

  it('runs a generated operation by its hash over POST, GET, SSE and graphql-ws', async () => {
    const { conversation } = await trustedRecruiter.request(ConversationDocument, { id: h.conversationId });
    expect(conversation?.id).toBe(h.conversationId);

    const params = new URLSearchParams({ extensions: JSON.stringify(persisted(ViewerDocument)) });
    const get = await fetch(`${server.url}?${params}`, {
      headers: { authorization: `Bearer ${h.recruiter.token}`, accept: 'application/graphql-response+json' },
    });
    expect(get.status).toBe(200);
    expect(((await get.json()) as { data: { viewer: { kind: string } } }).data.viewer.kind).toBe('USER');

    const variables = { id: h.conversationId, after: cursorBeforeConsent };
    const sse = await firstSseResult(
      server.url,
      { variables, extensions: persisted(ConversationUpdatedDocument) },
      h.recruiter.token,
    );
    expect(sse.body.errors).toBeUndefined();
    expect(sse.body.data.conversationUpdated.conversation.id).toBe(h.conversationId);

    const iterator = trustedRecruiter.subscribe(ConversationUpdatedDocument, variables);
    const first = await iterator.next();
    await iterator.return?.();
    expect(first.value?.conversationUpdated.conversation?.id).toBe(h.conversationId);
  });

  it('leaves a stolen admin token no way out: it can neither turn the setting off nor mint an API key', async () => {
    const trustedAdmin = createParleyClient({ url: server.url, credential: h.admin.token, trustedDocuments: true });
    await requireTrusted(true);
    try {
      const off = await trustedAdmin.request(UpdateTenantSettingsDocument, {
        input: { requireTrustedDocuments: false },
      });
      expect(off.updateTenantSettings).toMatchObject({ __typename: 'NotAuthorizedError' });
      const key = await trustedAdmin.request(CreateApiKeyDocument, { name: 'escape' });
      expect(key.createApiKey).toMatchObject({ __typename: 'NotAuthorizedError' });
      const { status } = await asUser(h.admin.token, { query: ARBITRARY });
      expect(status).toBe(403); // still on
    } finally {
      await requireTrusted(false);
    }
    // Without the setting an admin still creates keys, but the setting itself stays the API key's.
    const key = await trustedAdmin.request(CreateApiKeyDocument, { name: 'allowed' });
    expect(key.createApiKey).toMatchObject({ __typename: 'CreatedApiKey' });
    const on = await trustedAdmin.request(UpdateTenantSettingsDocument, { input: { requireTrustedDocuments: true } });
    expect(on.updateTenantSettings).toMatchObject({ __typename: 'NotAuthorizedError' });
    await trustedAdmin.close();
  });

  it("closes a user's open sockets when the setting changes, so a running arbitrary subscription ends", async () => {
    let closed: { code: number; reason: string } | undefined;
    const ws = createClient({
      url: server.url.replace(/^http/, 'ws'),
      connectionParams: { authorization: `Bearer ${h.recruiter.token}` },
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      on: { closed: (event) => (closed = event as { code: number; reason: string }) },
    });
    const ended = new Promise<void>((resolve) =>
      ws.subscribe(
        {
          query: 'subscription($id: ID!) { conversationUpdated(id: $id) { cursor } }',
          variables: { id: h.conversationId },
        },
        { next: () => {}, error: () => resolve(), complete: () => resolve() },
      ),
    );
    await new Promise((r) => setTimeout(r, 300)); // subscribed
    expect(closed).toBeUndefined();
    await requireTrusted(true);
    try {
      await ended;
      expect(closed?.code).toBe(4403);
      expect(closed?.reason).toMatch(/trusted documents/);
    } finally {
      await ws.dispose();
      await requireTrusted(false);
    }
  });

  it('keeps full documents working while the tenant does not require trusted ones', async () => {
    const { status, body } = await asUser(h.recruiter.token, { query: ARBITRARY });
    expect(status).toBe(200);
    expect(body.data.viewer.kind).toBe('USER');
  });

  it('answers an unknown hash with PERSISTED_QUERY_NOT_FOUND over HTTP and graphql-ws', async () => {
    const unknown = { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } };
    const http = await asUser(h.recruiter.token, { extensions: unknown });
    expect(http.status).toBe(400);
    expect(http.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const ws = await firstWsResult(server.url, h.recruiter.token, { query: '', extensions: unknown });
    expect(ws.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('logs the setting as TENANT_UPDATED with its new value', async () => {
    const after = (await h.tenant.client.request(EventCursorDocument)).tenant?.eventCursor as string;
    await requireTrusted(true);
    const events = h.tenant.client.subscribe(TenantEventsDocument, { after });
    const { value } = await events.next();
    await events.return?.();
    expect(value?.tenantEvents).toMatchObject({
      type: 'TENANT_UPDATED',
      subjectId: h.tenant.id,
      payload: { requireTrustedDocuments: true },
    });
  });

  describe('when the tenant requires them', () => {
    beforeAll(() => requireTrusted(true));
    afterAll(() => requireTrusted(false));

    it("refuses a user token's full document, introspection included, before any resolver runs", async () => {
      for (const query of [ARBITRARY, INTROSPECTION, ConversationDocument.toString()]) {
        const { status, body } = await asUser(h.recruiter.token, { query, variables: { id: h.conversationId } });
        expect(status).toBe(403);
        expect(body.data ?? null).toBeNull();
        expect(body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_REQUIRED');
        expect(body.errors?.[0]?.message).toMatch(/persistedQuery/);
      }
      // A document sent beside another document's hash is no trusted document either.
      const mixed = await asUser(h.recruiter.token, { query: ARBITRARY, extensions: persisted(ViewerDocument) });
      expect(mixed.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_REQUIRED');
      const ws = await firstWsResult(server.url, h.recruiter.token, { query: ARBITRARY });
      expect(ws.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_REQUIRED');
    });

    it('still runs hashes for user tokens, over HTTP and graphql-ws', async () => {
      const { viewer } = await trustedRecruiter.request(ViewerDocument);
      expect(viewer.kind).toBe('USER');
      const ws = await firstWsResult(server.url, h.recruiter.token, {
        query: '',
        variables: { id: h.conversationId, after: cursorBeforeConsent },
        extensions: persisted(ConversationUpdatedDocument),
      });
      expect(ws.errors).toBeUndefined();
      expect(ws.data?.conversationUpdated.conversation.id).toBe(h.conversationId);
    });

    it("holds a hash to the user's authorization: a recruiter off the hiring team reads nothing", async () => {
      const outsider = createParleyClient({ url: server.url, credential: h.outsider.token, trustedDocuments: true });
      const { conversation } = await outsider.request(ConversationDocument, { id: h.conversationId });
      expect(conversation).toBeNull();
      const { conversation: own } = await trustedRecruiter.request(ConversationDocument, { id: h.conversationId });
      expect(own?.id).toBe(h.conversationId);
    });

    it('lets API keys and the operator send any document', async () => {
      const key = await server.post({ query: INTROSPECTION }, { authorization: `Bearer ${h.tenant.apiKey}` });
      expect(key.status).toBe(200);
      expect(key.body.data.__schema.queryType.name).toBe('Query');
      const operator = await server.post({ query: ARBITRARY }, { authorization: `Bearer ${server.operatorKey}` });
      expect(operator.body.data.viewer.kind).toBe('OPERATOR');
    });
  });

  it('accepts full documents from user tokens again once the setting is off', async () => {
    const { status, body } = await asUser(h.recruiter.token, { query: ARBITRARY });
    expect(status).toBe(200);
    expect(body.data.viewer.kind).toBe('USER');
  });
});
