-- AlterEnum
ALTER TYPE "Channel" ADD VALUE 'EMAIL';

-- AlterEnum
ALTER TYPE "MessageStatus" ADD VALUE 'RECORDED' AFTER 'RECEIVED';

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "subject" TEXT;

-- CreateIndex
CREATE INDEX "Message_conversationId_channel_idx" ON "Message"("conversationId", "channel");
