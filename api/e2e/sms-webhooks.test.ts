import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnmatchedInboundDocument } from '../../clients/generated/graphql.ts';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { setUpHiring, usNumber } from '../test/messaging-fixture.ts';

describe('Twilio webhooks', () => {
  let server: TestServer;
  let inboundUrl: string;
  beforeAll(async () => {
    server = await startTestServer();
    inboundUrl = `${server.publicUrl}/webhooks/twilio/sms`;
  });
  afterAll(() => server?.stop());

  const rowCounts = async () => {
    const p = server.app.services.prisma;
    return {
      messages: await p.message.count(),
      unmatched: await p.unmatchedInbound.count(),
      consentEvents: await p.consentEvent.count(),
    };
  };

  it('refuses forged, unsigned and tampered requests with 403 and stores nothing', async () => {
    const h = await setUpHiring(server);
    const before = await rowCounts();
    const forged = await server.twilio.deliverInbound(
      inboundUrl,
      { from: h.candidatePhone, to: h.sendingNumber, body: 'STOP' },
      'bm90IGEgc2lnbmF0dXJl',
    );
    expect(forged.response.status).toBe(403);
    const unsigned = await fetch(inboundUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        MessageSid: 'SM1',
        From: h.candidatePhone,
        To: h.sendingNumber,
        Body: 'STOP',
      }).toString(),
    });
    expect(unsigned.status).toBe(403);
    // Signed for another URL (Twilio signs the exact URL it calls), or with another account's token.
    const params = { MessageSid: 'SM2', From: h.candidatePhone, To: h.sendingNumber, Body: 'STOP' };
    for (const signature of [
      twilio.getExpectedTwilioSignature(server.twilio.authToken, `${inboundUrl}?tenant=other`, params),
      twilio.getExpectedTwilioSignature('0'.repeat(32), inboundUrl, params),
    ]) {
      const res = await fetch(inboundUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
        body: new URLSearchParams(params).toString(),
      });
      expect(res.status).toBe(403);
    }
    const statusForged = await fetch(`${inboundUrl}/status?messageId=x`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'AAAA' },
      body: 'MessageSid=SM1&MessageStatus=delivered',
    });
    expect(statusForged.status).toBe(403);
    expect(await rowCounts()).toEqual(before);
    expect(await h.smsLock()).toMatchObject({ consent: 'CONSENTED' });
    expect(server.logs.text).toContain('bad or missing signature');
  });

  it('answers 400 to a signed request that is not a message', async () => {
    const res = await server.twilio.deliverInbound(`${inboundUrl}/status`, {
      from: usNumber(),
      to: usNumber(),
      body: 'x',
    });
    expect(res.response.status).toBe(400);
  });

  it('stores a message once when Twilio retries it, answering empty TwiML each time', async () => {
    const h = await setUpHiring(server);
    const first = await h.candidateTexts('Is the job still open?', 'SM0123456789abcdef0123456789abcdef');
    expect(first.response.headers.get('content-type')).toContain('xml');
    expect(await first.response.text()).toMatch(/<Response><\/Response>/);
    await h.candidateTexts('Is the job still open?', 'SM0123456789abcdef0123456789abcdef');
    const messages = (await h.conversation()).messages.edges.map((e) => e.node);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      direction: 'INBOUND',
      status: 'RECEIVED',
      body: 'Is the job still open?',
      senderName: 'Cara Candidate',
    });
  });

  it('keeps a text from an unknown number for the tenant admins', async () => {
    const h = await setUpHiring(server);
    const stranger = usNumber();
    const sent = await server.twilio.deliverInbound(inboundUrl, {
      from: stranger,
      to: h.sendingNumber,
      body: 'who is this?',
    });
    expect(sent.response.status).toBe(200);
    await server.twilio.deliverInbound(inboundUrl, {
      from: stranger,
      to: h.sendingNumber,
      body: 'who is this?',
      sid: sent.sid,
    });
    const { unmatchedInboundMessages } = await h.admin.client.request(UnmatchedInboundDocument);
    expect(unmatchedInboundMessages.edges.map((e) => e.node)).toEqual([
      { fromNumber: stranger, toNumber: h.sendingNumber, body: 'who is this?' },
    ]);
    const recruiterView = await server.post(
      { query: '{ unmatchedInboundMessages(first: 5) { edges { node { body } } } }' },
      { authorization: `Bearer ${h.recruiter.token}` },
    );
    expect(recruiterView.body.errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
    const other = await setUpHiring(server);
    const othersView = await other.admin.client.request(UnmatchedInboundDocument);
    expect(othersView.unmatchedInboundMessages.edges).toEqual([]);
  });
});
