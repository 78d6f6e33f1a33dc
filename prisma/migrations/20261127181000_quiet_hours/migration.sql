-- Quiet hours and scheduled sends.
ALTER TYPE "MessageStatus" ADD VALUE 'SCHEDULED';
ALTER TYPE "MessageStatus" ADD VALUE 'CANCELLED';

ALTER TABLE "Tenant" ADD COLUMN "quietHoursStart" TEXT,
ADD COLUMN "quietHoursEnd" TEXT,
ADD COLUMN "noSundays" BOOLEAN NOT NULL DEFAULT false;

-- Tenants that exist now get the default quiet hours (new ones get them from createTenant).
UPDATE "Tenant" SET "quietHoursStart" = '21:00', "quietHoursEnd" = '08:00';

ALTER TABLE "Candidate" ADD COLUMN "timeZone" TEXT;
