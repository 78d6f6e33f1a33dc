import type { Message, PrismaClient } from '../db/generated/prisma/client.ts';

/**
 * Whether free text queued on a channel with a session window (WhatsApp) would
 * now go out after the window closed: it waited for its number's pace or a
 * retry while the 24 hours ran out. Then it must not go (the provider would
 * refuse it or, worse, deliver text the policy forbids); a template may.
 */
export async function windowClosedSince(
  prisma: PrismaClient,
  message: Pick<Message, 'conversationId' | 'channel' | 'template' | 'kind'>,
  windowHours: number | null,
): Promise<boolean> {
  if (windowHours === null || message.template !== null || message.kind === 'HELP_REPLY') return false;
  const [row] = await prisma.$queryRaw<{ open: boolean }[]>`
    SELECT coalesce(max("createdAt") > now() - make_interval(hours => ${windowHours}::int), false) AS open
    FROM "Message"
    WHERE "conversationId" = ${message.conversationId}::uuid AND direction = 'INBOUND' AND channel = ${message.channel}::"Channel"`;
  return !row?.open;
}
