-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';

-- AlterTable
ALTER TABLE "SendingNumber" ADD COLUMN     "monthlyAllowance" INTEGER;

-- CreateTable
CREATE TABLE "NumberAssignment" (
    "tenantId" UUID NOT NULL,
    "sendingNumberId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NumberAssignment_pkey" PRIMARY KEY ("sendingNumberId","userId")
);

-- CreateTable
CREATE TABLE "NumberMonthlyUsage" (
    "tenantId" UUID NOT NULL,
    "sendingNumberId" UUID NOT NULL,
    "month" TEXT NOT NULL,
    "sent" INTEGER NOT NULL DEFAULT 0,
    "received" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NumberMonthlyUsage_pkey" PRIMARY KEY ("sendingNumberId","month")
);

-- CreateTable
CREATE TABLE "AllowanceAlert" (
    "tenantId" UUID NOT NULL,
    "sendingNumberId" UUID NOT NULL,
    "month" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "used" INTEGER NOT NULL,
    "allowance" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AllowanceAlert_pkey" PRIMARY KEY ("sendingNumberId","month","level")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMPTZ(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "NumberAssignment_tenantId_userId_idx" ON "NumberAssignment"("tenantId", "userId");

-- CreateIndex
CREATE INDEX "NumberAssignment_userId_idx" ON "NumberAssignment"("userId");

-- CreateIndex
CREATE INDEX "NumberMonthlyUsage_tenantId_month_idx" ON "NumberMonthlyUsage"("tenantId", "month");

-- CreateIndex
CREATE INDEX "AllowanceAlert_tenantId_idx" ON "AllowanceAlert"("tenantId");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_tenantId_idx" ON "Notification"("tenantId");

-- AddForeignKey
ALTER TABLE "NumberAssignment" ADD CONSTRAINT "NumberAssignment_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NumberAssignment" ADD CONSTRAINT "NumberAssignment_sendingNumberId_fkey" FOREIGN KEY ("sendingNumberId") REFERENCES "SendingNumber"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NumberAssignment" ADD CONSTRAINT "NumberAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NumberMonthlyUsage" ADD CONSTRAINT "NumberMonthlyUsage_sendingNumberId_fkey" FOREIGN KEY ("sendingNumberId") REFERENCES "SendingNumber"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllowanceAlert" ADD CONSTRAINT "AllowanceAlert_sendingNumberId_fkey" FOREIGN KEY ("sendingNumberId") REFERENCES "SendingNumber"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
