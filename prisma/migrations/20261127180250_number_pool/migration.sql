-- DropIndex
DROP INDEX "SendingNumber_e164_channel_key";

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "adminsManageNumbers" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "SendingNumber" ADD COLUMN     "activeE164" TEXT,
ADD COLUMN     "label" TEXT,
ADD COLUMN     "ownershipProof" TEXT NOT NULL DEFAULT 'OPERATOR',
ADD COLUMN     "retiredAt" TIMESTAMPTZ(3);

-- Numbers in service keep their e164 as the claim that makes them one tenant's at a time.
UPDATE "SendingNumber" SET "activeE164" = e164;

-- CreateTable
CREATE TABLE "ConversationNumberChange" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "conversationId" UUID NOT NULL,
    "channel" "Channel" NOT NULL,
    "fromNumberId" UUID NOT NULL,
    "toNumberId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConversationNumberChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConversationNumberChange_conversationId_createdAt_idx" ON "ConversationNumberChange"("conversationId", "createdAt");

-- CreateIndex
CREATE INDEX "ConversationNumberChange_tenantId_idx" ON "ConversationNumberChange"("tenantId");

-- CreateIndex
CREATE INDEX "SendingNumber_e164_channel_idx" ON "SendingNumber"("e164", "channel");

-- CreateIndex
CREATE UNIQUE INDEX "SendingNumber_activeE164_channel_key" ON "SendingNumber"("activeE164", "channel");

-- AddForeignKey
ALTER TABLE "ConversationNumberChange" ADD CONSTRAINT "ConversationNumberChange_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationNumberChange" ADD CONSTRAINT "ConversationNumberChange_fromNumberId_fkey" FOREIGN KEY ("fromNumberId") REFERENCES "SendingNumber"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationNumberChange" ADD CONSTRAINT "ConversationNumberChange_toNumberId_fkey" FOREIGN KEY ("toNumberId") REFERENCES "SendingNumber"("id") ON DELETE CASCADE ON UPDATE CASCADE;
