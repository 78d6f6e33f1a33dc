import { randomBytes, randomInt } from 'node:crypto';
import {
  AddSendingNumberDocument,
  AssignSeatDocument,
  BuySeatsDocument,
  ConversationDocument,
  type ConversationQuery,
  CreateChannelAccountDocument,
  UpsertApplicationDocument,
  UpsertCandidateDocument,
  UpsertJobDocument,
} from '../../clients/generated/graphql.ts';
import type { TestServer } from './harness.ts';

/** A valid US number nobody else in this database has. */
export function usNumber(): string {
  return `+1415${randomInt(2, 10)}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
}

/** Polls until `check` returns a value that is not null/undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(
  check: () => Promise<T | null | undefined | false>,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export type Hiring = Awaited<ReturnType<typeof setUpHiring>>;

/**
 * A tenant with a sending number, a seated recruiter on an application's
 * hiring team, a seated recruiter who is not, an admin, and the candidate's
 * conversation. `consent` is what the candidate ticked on the form.
 */
export async function setUpHiring(
  server: TestServer,
  options: {
    consent?: { sms?: boolean; whatsapp?: boolean; texting?: boolean } | null;
    /** The tenant's own Twilio account, which then owns the sending number (else the platform's does). */
    ownTwilio?: { accountSid: string; authToken: string };
    /** Makes the provider list the sending number for the account (e.g. the fake Twilio's `ownNumbers`): the proof adding it needs. */
    providerOwns?: (e164: string) => void;
  } = {},
) {
  const tenant = await server.createTenant();
  const sendingNumber = usNumber();
  options.providerOwns?.(sendingNumber);
  let channelAccountId: string | null = null;
  if (options.ownTwilio) {
    const { createChannelAccount: account } = await server.operator.request(CreateChannelAccountDocument, {
      tenantId: tenant.id,
      pluginId: 'twilio-sms',
      label: 'Own Twilio',
      credentials: options.ownTwilio,
    });
    if (account.__typename !== 'ChannelAccount') throw new Error(`createChannelAccount: ${JSON.stringify(account)}`);
    channelAccountId = account.id;
  }
  const { addSendingNumber } = await server.operator.request(AddSendingNumberDocument, {
    tenantId: tenant.id,
    e164: sendingNumber,
    channelAccountId,
  });
  if (addSendingNumber.__typename !== 'SendingNumber') throw new Error(JSON.stringify(addSendingNumber));
  await tenant.client.request(BuySeatsDocument, { count: 5 });
  const [recruiter, outsider, admin] = await Promise.all([
    server.createUser(tenant, { name: 'Rita Recruiter' }),
    server.createUser(tenant, { name: 'Otto Outsider' }),
    server.createUser(tenant, { name: 'Ada Admin', role: 'ADMIN' }),
  ]);
  for (const u of [recruiter, outsider]) await tenant.client.request(AssignSeatDocument, { userId: u.user.id });
  const candidatePhone = usNumber();
  const externalId = `cand-${randomBytes(4).toString('hex')}`;
  await tenant.client.request(UpsertCandidateDocument, {
    input: { externalId, name: 'Cara Candidate', phone: candidatePhone },
  });
  await tenant.client.request(UpsertJobDocument, { input: { externalId: 'job-1', title: 'Barista' } });
  const { upsertApplication } = await tenant.client.request(UpsertApplicationDocument, {
    input: {
      externalId: `app-${externalId}`,
      candidateExternalId: externalId,
      jobExternalId: 'job-1',
      hiringTeam: [recruiter.user.id],
      ...(options.consent === null ? {} : { consent: options.consent ?? { sms: true } }),
    },
  });
  if (upsertApplication.__typename !== 'Application' || !upsertApplication.conversation) {
    throw new Error(`upsertApplication failed: ${JSON.stringify(upsertApplication)}`);
  }
  const conversationId = upsertApplication.conversation.id;

  return {
    tenant,
    recruiter,
    outsider,
    admin,
    sendingNumber,
    channelAccountId,
    candidatePhone,
    candidateExternalId: externalId,
    conversationId,
    async conversation(): Promise<NonNullable<ConversationQuery['conversation']>> {
      const { conversation } = await admin.client.request(ConversationDocument, { id: conversationId });
      if (!conversation) throw new Error('conversation not readable by admin');
      return conversation;
    },
    async smsLock() {
      return (await this.conversation()).locks.find((l) => l.channel === 'SMS');
    },
    /** The candidate texts the tenant's number, through Twilio's signed webhook. */
    async candidateTexts(body: string, sid?: string) {
      const sent = await server.twilio.deliverInbound(`${server.publicUrl}/webhooks/twilio-sms/platform/inbound`, {
        from: candidatePhone,
        to: sendingNumber,
        body,
        ...(sid ? { sid } : {}),
      });
      if (sent.response.status !== 200) throw new Error(`inbound webhook answered ${sent.response.status}`);
      return sent;
    },
    /** What Twilio was asked to send to the candidate. */
    sentToCandidate() {
      return server.twilio.messages.filter((m) => m.to === candidatePhone);
    },
  };
}
