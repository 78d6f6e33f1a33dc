-- AlterTable
ALTER TABLE "User" ADD COLUMN     "canViewReports" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Message_tenantId_createdAt_id_idx" ON "Message"("tenantId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "ConsentEvent_tenantId_createdAt_id_idx" ON "ConsentEvent"("tenantId", "createdAt" DESC, "id" DESC);
