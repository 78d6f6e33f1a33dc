-- AlterTable
ALTER TABLE "Consent" ADD COLUMN     "carrierBlocked" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "inviteMessageId" UUID,
ADD COLUMN     "optOutSource" "ConsentSource";

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_inviteMessageId_fkey" FOREIGN KEY ("inviteMessageId") REFERENCES "Message"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Backfill from the audit trail.
UPDATE "Consent" c SET "optOutSource" = e.source
FROM (
  SELECT DISTINCT ON ("candidateId", channel) "candidateId", channel, source
  FROM "ConsentEvent" WHERE "toState" = 'OPTED_OUT' AND "fromState" <> 'OPTED_OUT'
  ORDER BY "candidateId", channel, "createdAt" DESC, id DESC
) e
WHERE c.state = 'OPTED_OUT' AND e."candidateId" = c."candidateId" AND e.channel = c.channel;

UPDATE "Consent" c SET "carrierBlocked" = true
FROM (
  SELECT DISTINCT ON ("candidateId", channel) "candidateId", channel, "toState"
  FROM "ConsentEvent" WHERE source IN ('KEYWORD', 'CARRIER')
  ORDER BY "candidateId", channel, "createdAt" DESC, id DESC
) e
WHERE e."toState" = 'OPTED_OUT' AND e."candidateId" = c."candidateId" AND e.channel = c.channel;

UPDATE "Consent" c SET "inviteMessageId" = m.id
FROM (
  SELECT DISTINCT ON (conv."candidateId", msg.channel) conv."candidateId", msg.channel, msg.id
  FROM "Message" msg JOIN "Conversation" conv ON conv.id = msg."conversationId"
  WHERE msg.kind = 'CONSENT_INVITE'
  ORDER BY conv."candidateId", msg.channel, msg."createdAt" DESC, msg.id DESC
) m
WHERE m."candidateId" = c."candidateId" AND m.channel = c.channel;
