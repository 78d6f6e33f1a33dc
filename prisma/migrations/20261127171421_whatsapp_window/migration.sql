-- WhatsApp rules: a conversation keeps one number per channel, the tenant's re-engagement template,
-- and the approved template a message is sent as.

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "reengagementTemplateLanguage" TEXT NOT NULL DEFAULT 'en',
ADD COLUMN     "reengagementTemplateName" TEXT NOT NULL DEFAULT 'parley_reengagement',
ADD COLUMN     "reengagementText" TEXT;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "template" JSONB;

-- CreateTable
CREATE TABLE "ConversationNumber" (
    "tenantId" UUID NOT NULL,
    "conversationId" UUID NOT NULL,
    "channel" "Channel" NOT NULL,
    "sendingNumberId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConversationNumber_pkey" PRIMARY KEY ("conversationId","channel")
);

-- CreateIndex
CREATE INDEX "ConversationNumber_sendingNumberId_idx" ON "ConversationNumber"("sendingNumberId");

-- CreateIndex
CREATE INDEX "ConversationNumber_tenantId_idx" ON "ConversationNumber"("tenantId");

-- AddForeignKey
ALTER TABLE "ConversationNumber" ADD CONSTRAINT "ConversationNumber_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationNumber" ADD CONSTRAINT "ConversationNumber_sendingNumberId_fkey" FOREIGN KEY ("sendingNumberId") REFERENCES "SendingNumber"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Data: each conversation's kept number becomes its number on that number's channel.
INSERT INTO "ConversationNumber" ("tenantId", "conversationId", channel, "sendingNumberId", "createdAt")
SELECT c."tenantId", c.id, sn.channel, sn.id, coalesce(c."lastMessageAt", c."createdAt")
FROM "Conversation" c JOIN "SendingNumber" sn ON sn.id = c."sendingNumberId";

-- DropForeignKey
ALTER TABLE "Conversation" DROP CONSTRAINT "Conversation_sendingNumberId_fkey";

-- AlterTable
ALTER TABLE "Conversation" DROP COLUMN "sendingNumberId";
