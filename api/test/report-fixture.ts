import { encodeGlobalID } from '@pothos/plugin-relay';
import { AddSendingNumberDocument, UpsertCandidateDocument } from '../../clients/generated/graphql.ts';
import type { Channel, Direction, MessageKind, MessageStatus } from '../db/generated/prisma/enums.ts';
import { rawId, type TestServer } from './harness.ts';
import { type Hiring, setUpHiring, usNumber } from './messaging-fixture.ts';

/** The period the seeded report covers: October 2026 (UTC). */
export const period = { from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' };

/** A candidate name a spreadsheet would run as a formula, with a quote and a comma in it. */
export const hostileName = '=HYPERLINK("http://evil.example","open"), Cara';

type Seeded = {
  at: string;
  direction: Direction;
  channel: Channel;
  from: string;
  to: string;
  status: MessageStatus;
  authorId?: string;
  kind?: MessageKind;
  segments?: number;
};

/**
 * A tenant whose messages exercise each report filter: two SMS numbers, two
 * authors, every channel and direction, one message on each side of the period
 * boundaries, credits charged and refunded, and a candidate named like a
 * formula. Rows are written directly (the report reads what sending wrote).
 */
export async function seedReportTenant(server: TestServer) {
  const h = await setUpHiring(server);
  await h.tenant.client.request(UpsertCandidateDocument, {
    input: { externalId: h.candidateExternalId, name: hostileName, phone: h.candidatePhone },
  });
  const { addSendingNumber: second } = await server.operator.request(AddSendingNumberDocument, {
    tenantId: h.tenant.id,
    e164: usNumber(),
  });
  if (second.__typename !== 'SendingNumber') throw new Error(JSON.stringify(second));
  const prisma = server.app.services.prisma;
  const tenantId = rawId(h.tenant.id);
  const conversationId = rawId(h.conversationId);
  const recruiterId = rawId(h.recruiter.user.id);
  const adminId = rawId(h.admin.user.id);
  const first = h.sendingNumber;
  const cand = h.candidatePhone;
  const create = async (m: Seeded) =>
    (
      await prisma.message.create({
        data: {
          tenantId,
          conversationId,
          direction: m.direction,
          channel: m.channel,
          kind: m.kind ?? 'CHAT',
          authorId: m.authorId ?? null,
          body: 'report fixture',
          fromNumber: m.from,
          toNumber: m.to,
          status: m.status,
          segments: m.segments ?? 1,
          createdAt: new Date(m.at),
        },
      })
    ).id;
  const ids = {
    before: await create({
      at: '2026-09-30T23:59:59.999Z',
      direction: 'OUTBOUND',
      channel: 'SMS',
      from: first,
      to: cand,
      status: 'DELIVERED',
      authorId: recruiterId,
    }),
    smsOut: await create({
      at: '2026-10-05T10:00:00.000Z',
      direction: 'OUTBOUND',
      channel: 'SMS',
      from: first,
      to: cand,
      status: 'DELIVERED',
      authorId: recruiterId,
      segments: 2,
    }),
    smsIn: await create({
      at: '2026-10-06T10:00:00.000Z',
      direction: 'INBOUND',
      channel: 'SMS',
      from: cand,
      to: first,
      status: 'RECEIVED',
    }),
    secondNumber: await create({
      at: '2026-10-07T10:00:00.000Z',
      direction: 'OUTBOUND',
      channel: 'SMS',
      from: second.e164,
      to: cand,
      status: 'SENT',
      authorId: adminId,
      kind: 'REJECTION',
    }),
    whatsapp: await create({
      at: '2026-10-08T10:00:00.000Z',
      direction: 'OUTBOUND',
      channel: 'WHATSAPP',
      from: first,
      to: cand,
      status: 'READ',
      authorId: recruiterId,
    }),
    email: await create({
      at: '2026-10-09T10:00:00.000Z',
      direction: 'OUTBOUND',
      channel: 'EMAIL',
      from: '=cmd@acme.example',
      to: 'cara@example.com',
      status: 'RECORDED',
    }),
    atEnd: await create({
      at: period.to,
      direction: 'INBOUND',
      channel: 'SMS',
      from: cand,
      to: first,
      status: 'RECEIVED',
    }),
  };
  await prisma.creditEntry.createMany({
    data: [
      { tenantId, kind: 'CHARGE', amount: 2, messageId: ids.smsOut, actor: 'outbox' },
      { tenantId, kind: 'CHARGE', amount: 3, messageId: ids.secondNumber, actor: 'outbox' },
      { tenantId, kind: 'REFUND', amount: 1, messageId: ids.secondNumber, actor: 'outbox' },
    ],
  });
  const firstRow = await prisma.sendingNumber.findFirstOrThrow({ where: { tenantId, e164: first } });
  const firstNumberId = encodeGlobalID('SendingNumber', firstRow.id);
  return {
    h,
    firstNumberId,
    secondNumber: second,
    ids,
    inPeriod: [ids.email, ids.whatsapp, ids.secondNumber, ids.smsIn, ids.smsOut],
  };
}

export type ReportTenant = Awaited<ReturnType<typeof seedReportTenant>>;
export type { Hiring };
