-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN "requireTrustedDocuments" BOOLEAN NOT NULL DEFAULT false;
