-- CreateEnum
CREATE TYPE "ChannelAccountStatus" AS ENUM ('ACTIVE', 'DISABLED');

-- DropIndex
DROP INDEX "SendingNumber_e164_key";

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "platformChannels" "Channel"[] DEFAULT ARRAY[]::"Channel"[];

-- Existing tenants send SMS through the platform's account (their numbers were added for it).
UPDATE "Tenant" SET "platformChannels" = ARRAY['SMS']::"Channel"[];

-- AlterTable: existing numbers keep a null account, meaning the platform's account.
ALTER TABLE "SendingNumber" ADD COLUMN     "accountId" UUID;

-- CreateTable
CREATE TABLE "ChannelAccount" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "pluginId" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "label" TEXT NOT NULL,
    "status" "ChannelAccountStatus" NOT NULL DEFAULT 'ACTIVE',
    "keyId" TEXT NOT NULL,
    "credentials" TEXT NOT NULL,
    "shown" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ChannelAccount_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChannelAccount_tenantId_channel_idx" ON "ChannelAccount"("tenantId", "channel");

-- CreateIndex
CREATE INDEX "SendingNumber_accountId_idx" ON "SendingNumber"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "SendingNumber_e164_channel_key" ON "SendingNumber"("e164", "channel");

-- AddForeignKey
ALTER TABLE "ChannelAccount" ADD CONSTRAINT "ChannelAccount_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SendingNumber" ADD CONSTRAINT "SendingNumber_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "ChannelAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

