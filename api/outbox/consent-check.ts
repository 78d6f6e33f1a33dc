import type { Message, PrismaClient } from '../db/generated/prisma/client.ts';

/**
 * Whether the candidate withdrew consent on the message's channel after it
 * was queued (a STOP, a carrier opt-out, a recruiter's record): then a queued
 * text must not go out, however long it waited for its number's pace or a
 * retry. An automatic HELP answer still goes: carriers require it.
 */
export async function consentWithdrawn(prisma: PrismaClient, message: Pick<Message, 'id' | 'kind'>): Promise<boolean> {
  if (message.kind === 'HELP_REPLY') return false;
  const [row] = await prisma.$queryRaw<{ withdrawn: boolean }[]>`
    SELECT (cs.state = 'OPTED_OUT' AND cs."optOutSource" IS DISTINCT FROM 'APPLICATION') AS withdrawn
    FROM "Message" m JOIN "Conversation" c ON c.id = m."conversationId"
    JOIN "Consent" cs ON cs."candidateId" = c."candidateId" AND cs.channel = m.channel
    WHERE m.id = ${message.id}::uuid`;
  return row?.withdrawn ?? false;
}
