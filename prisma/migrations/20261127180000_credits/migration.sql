-- CreateEnum
CREATE TYPE "CreditEntryKind" AS ENUM ('TOPUP', 'RESERVATION', 'CHARGE', 'RELEASE', 'REFUND');

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "lowCreditThreshold" INTEGER;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "canViewCredits" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "CreditEntry" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "kind" "CreditEntryKind" NOT NULL,
    "amount" INTEGER NOT NULL,
    "messageId" UUID,
    "actor" TEXT NOT NULL,
    "note" TEXT,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CreditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreditBalance" (
    "tenantId" UUID NOT NULL,
    "available" INTEGER NOT NULL DEFAULT 0,
    "lowAlerted" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CreditBalance_pkey" PRIMARY KEY ("tenantId")
);

-- CreateIndex
CREATE INDEX "CreditEntry_tenantId_createdAt_idx" ON "CreditEntry"("tenantId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CreditEntry_tenantId_idempotencyKey_key" ON "CreditEntry"("tenantId", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "CreditEntry_messageId_kind_key" ON "CreditEntry"("messageId", "kind");

-- AddForeignKey
ALTER TABLE "CreditEntry" ADD CONSTRAINT "CreditEntry_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditBalance" ADD CONSTRAINT "CreditBalance_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
