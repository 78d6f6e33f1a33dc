-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('CANDIDATE_REPLIED', 'OPTED_IN', 'OPTED_OUT', 'ALLOWANCE_WARNING', 'ALLOWANCE_REACHED', 'CREDITS_LOW', 'DELIVERY_FAILED');

-- AlterTable
ALTER TABLE "Notification" ALTER COLUMN "kind" TYPE "NotificationKind" USING "kind"::"NotificationKind",
ADD COLUMN     "eventId" UUID,
ADD COLUMN     "conversationId" UUID,
ADD COLUMN     "messageId" UUID;

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "tenantId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId","kind")
);

-- CreateTable
CREATE TABLE "NotifierCursor" (
    "tenantId" UUID NOT NULL,
    "position" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotifierCursor_pkey" PRIMARY KEY ("tenantId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Notification_eventId_userId_kind_key" ON "Notification"("eventId", "userId", "kind");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "NotificationPreference_tenantId_idx" ON "NotificationPreference"("tenantId");

-- AddForeignKey
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing tenants' notifier starts at the end of their log: events from before notifications existed notify nobody.
INSERT INTO "NotifierCursor" ("tenantId", "position") SELECT id, "lastEventPosition" FROM "Tenant";
