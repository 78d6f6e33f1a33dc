-- CreateEnum
CREATE TYPE "WhatsAppTemplateApproval" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateTable
CREATE TABLE "MessageTemplate" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "channel" "Channel",
    "kind" "MessageKind" NOT NULL DEFAULT 'CHAT',
    "customKind" TEXT,
    "body" TEXT NOT NULL,
    "customFields" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "whatsappName" TEXT,
    "whatsappLanguage" TEXT,
    "whatsappParameters" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "whatsappApproval" "WhatsAppTemplateApproval",
    "whatsappApprovalAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MessageTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MessageTemplate_tenantId_id_idx" ON "MessageTemplate"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "MessageTemplate_tenantId_name_key" ON "MessageTemplate"("tenantId", "name");

-- AddForeignKey
ALTER TABLE "MessageTemplate" ADD CONSTRAINT "MessageTemplate_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
