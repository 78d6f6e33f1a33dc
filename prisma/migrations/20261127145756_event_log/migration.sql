-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "lastEventPosition" BIGINT NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "Event" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "subjectId" UUID NOT NULL,
    "conversationId" UUID,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "position" BIGINT,
    "publishedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Event_position_createdAt_idx" ON "Event"("position", "createdAt");

-- CreateIndex
CREATE INDEX "Event_createdAt_idx" ON "Event"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Event_tenantId_position_key" ON "Event"("tenantId", "position");

