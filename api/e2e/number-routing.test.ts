import { randomBytes, randomInt } from 'node:crypto';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AddPoolNumberDocument,
  ConversationNumberRoutingDocument,
  PreviewRoutingDocument,
  RetireSendingNumberDocument,
  SendMessageDocument,
  UpdateTenantSettingsDocument,
  UpsertApplicationDocument,
  UpsertCandidateDocument,
} from '../../clients/generated/graphql.ts';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { type Hiring, setUpHiring, waitFor } from '../test/messaging-fixture.ts';

/** A valid mobile number of each supported country, random so tests never collide (prefix + random digits). */
const patterns: Record<string, [string, number]> = {
  US: ['+1201555', 4],
  CA: ['+1506234', 4],
  GB: ['+447400', 6],
  FR: ['+336', 8],
  DE: ['+49151', 8],
  AT: ['+43664', 6],
  NL: ['+316', 8],
  SE: ['+4670', 7],
  AU: ['+614', 8],
  JP: ['+8190', 8],
};
function numberIn(country: string): string {
  const [prefix, digits] = patterns[country] as [string, number];
  for (;;) {
    const n = `${prefix}${String(randomInt(0, 10 ** digits)).padStart(digits, '0')}`;
    if (isValidPhoneNumber(n)) return n;
  }
}

describe('routing conversations to the pool’s numbers (real server)', () => {
  let server: TestServer;
  let h: Hiring;
  let seq = 0;
  beforeAll(async () => {
    server = await startTestServer();
    h = await setUpHiring(server); // a US number of the platform's account
    const settings = await h.tenant.client.request(UpdateTenantSettingsDocument, {
      input: { consentModel: 'LEGITIMATE_INTEREST' },
    });
    if (settings.updateTenantSettings.__typename !== 'Tenant') throw new Error(JSON.stringify(settings));
  });
  afterAll(async () => {
    await server?.stop();
  });

  const add = async (country: string, label?: string) => {
    const e164 = numberIn(country);
    const { addSendingNumber } = await server.operator.request(AddPoolNumberDocument, {
      tenantId: h.tenant.id,
      e164,
      label,
    });
    if (addSendingNumber.__typename !== 'SendingNumber') throw new Error(JSON.stringify(addSendingNumber));
    expect(addSendingNumber).toMatchObject({ country, ownershipProof: 'OPERATOR' });
    return addSendingNumber;
  };
  const conversationIn = async (country: string) => {
    const externalId = `cand-${randomBytes(4).toString('hex')}`;
    const phone = numberIn(country);
    await h.tenant.client.request(UpsertCandidateDocument, {
      input: { externalId, name: `Candidate ${country}`, phone },
    });
    const { upsertApplication } = await h.tenant.client.request(UpsertApplicationDocument, {
      input: {
        externalId: `app-${externalId}`,
        candidateExternalId: externalId,
        jobExternalId: 'job-1',
        hiringTeam: [h.recruiter.user.id],
      },
    });
    if (upsertApplication.__typename !== 'Application' || !upsertApplication.conversation) throw new Error('no app');
    return { id: upsertApplication.conversation.id, phone };
  };
  const routing = async (id: string) => {
    const { conversation } = await h.recruiter.client.request(ConversationNumberRoutingDocument, {
      id,
      channel: 'SMS',
    });
    if (!conversation) throw new Error('conversation not readable');
    return conversation;
  };
  const send = async (id: string) => {
    const { sendMessage } = await h.recruiter.client.request(SendMessageDocument, {
      input: { conversationId: id, channel: 'SMS', body: 'Hello', idempotencyKey: `routing-${seq++}` },
    });
    if (sendMessage.__typename !== 'Message') throw new Error(JSON.stringify(sendMessage));
    return sendMessage;
  };
  const fromNumberOf = async (id: string) => (await routing(id)).sendingNumber;

  it('routes each candidate country to the pool: local, else US, else any; CA is not US; warns without a local number', async () => {
    const pool: Record<string, string> = { US: h.sendingNumber };
    for (const country of ['CA', 'GB', 'FR', 'DE', 'AT', 'NL', 'SE', 'AU']) pool[country] = (await add(country)).e164;
    // [candidate country, number's country, reason]
    const table: [string, string, string][] = [
      ['US', 'US', 'CANDIDATE_COUNTRY'],
      ['CA', 'CA', 'CANDIDATE_COUNTRY'],
      ['GB', 'GB', 'CANDIDATE_COUNTRY'],
      ['FR', 'FR', 'CANDIDATE_COUNTRY'],
      ['DE', 'DE', 'CANDIDATE_COUNTRY'],
      ['AT', 'AT', 'CANDIDATE_COUNTRY'],
      ['NL', 'NL', 'CANDIDATE_COUNTRY'],
      ['SE', 'SE', 'CANDIDATE_COUNTRY'],
      ['AU', 'AU', 'CANDIDATE_COUNTRY'],
      ['JP', 'US', 'US_FALLBACK'],
    ];
    for (const [candidate, numberCountry, reason] of table) {
      const c = await conversationIn(candidate);
      const { numberRouting } = await routing(c.id);
      expect(numberRouting, candidate).toMatchObject({
        e164: pool[numberCountry],
        numberCountry,
        reason,
        candidateCountry: candidate,
        noLocalNumber: candidate !== numberCountry,
      });
      const { previewMessage } = await h.recruiter.client.request(PreviewRoutingDocument, {
        input: { conversationId: c.id, channel: 'SMS', body: 'Hi' },
      });
      expect(previewMessage, candidate).toMatchObject({
        sendingNumber: pool[numberCountry],
        sendingNumberReason: reason,
        noLocalNumber: candidate !== numberCountry,
        internationalWarning: numberRouting?.internationalWarning ?? null,
      });
      if (candidate === 'JP') {
        expect(numberRouting?.internationalWarning).toMatch(/\(JP\).*not guaranteed/);
        await send(c.id);
        expect(await fromNumberOf(c.id)).toBe(pool.US);
      } else expect(numberRouting?.internationalWarning).toBeNull();
    }
  });

  it('spreads new conversations over a country’s numbers by this month’s use, then keeps each one’s number', async () => {
    const second = await add('GB', 'London 2');
    const third = await add('GB', 'London 3');
    const used: string[] = [];
    for (let i = 0; i < 6; i++) {
      const c = await conversationIn('GB');
      await send(c.id);
      used.push((await fromNumberOf(c.id)) as string);
    }
    // Six sends over three numbers, least used first: each takes two.
    const counts = new Map<string, number>();
    for (const n of used) counts.set(n, (counts.get(n) ?? 0) + 1);
    expect([...counts.values()]).toEqual([2, 2, 2]);
    expect(counts.has(second.e164) && counts.has(third.e164)).toBe(true);

    // Sticky: a conversation keeps its number however much less a new one is used.
    const sticky = await conversationIn('GB');
    await send(sticky.id);
    const kept = await fromNumberOf(sticky.id);
    const fresh = await add('GB', 'London 4');
    await send(sticky.id);
    const after = await routing(sticky.id);
    expect(after.sendingNumber).toBe(kept);
    expect(after.numberRouting).toMatchObject({ e164: kept, reason: 'CONVERSATION', movesFromRetiredNumber: false });
    // …while a new GB conversation takes the unused one.
    const next = await conversationIn('GB');
    expect((await routing(next.id)).numberRouting?.e164).toBe(fresh.e164);
  });

  it('moves a conversation off a retired number on its next send, and records the move', async () => {
    const se2 = await add('SE', 'Stockholm 2');
    const c = await conversationIn('SE');
    await send(c.id);
    const first = (await routing(c.id)).numberRouting;
    const old = first?.sendingNumber?.id as string;
    const { retireSendingNumber } = await server.operator.request(RetireSendingNumberDocument, { id: old });
    expect(retireSendingNumber).toMatchObject({ __typename: 'SendingNumber', retiredAt: expect.any(String) });

    const pending = await routing(c.id);
    expect(pending.sendingNumber).toBe(first?.e164); // until the next send
    expect(pending.numberRouting).toMatchObject({ reason: 'CANDIDATE_COUNTRY', movesFromRetiredNumber: true });
    expect(pending.numberRouting?.e164).not.toBe(first?.e164);

    await send(c.id);
    const moved = await routing(c.id);
    expect(moved.sendingNumber).toBe(pending.numberRouting?.e164);
    expect(moved.numberRouting).toMatchObject({ reason: 'CONVERSATION', movesFromRetiredNumber: false });
    expect(moved.numberChanges).toEqual([
      {
        channel: 'SMS',
        reason: 'NUMBER_RETIRED',
        at: expect.any(String),
        from: { id: old, e164: first?.e164 },
        to: { id: expect.any(String), e164: moved.sendingNumber },
      },
    ]);
    const sent = () => server.twilio.messages.filter((m) => m.to === c.phone).map((m) => m.from);
    await waitFor(async () => sent().length === 2, 'both texts sent');
    expect(sent()).toEqual([first?.e164, moved.sendingNumber]);

    // A retired number is never routed: with both SE numbers retired, a Swedish candidate falls back to the US.
    const other = moved.numberRouting?.sendingNumber?.id as string;
    expect([old, other].sort()).toContain(se2.id);
    await server.operator.request(RetireSendingNumberDocument, { id: other });
    const swede = await conversationIn('SE');
    expect((await routing(swede.id)).numberRouting).toMatchObject({ reason: 'US_FALLBACK', noLocalNumber: true });
  });
});
