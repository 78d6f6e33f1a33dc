-- Read receipts (WhatsApp): a message the candidate opened is READ, after DELIVERED.
ALTER TYPE "MessageStatus" ADD VALUE 'READ' AFTER 'DELIVERED';

ALTER TABLE "Message" ADD COLUMN "readAt" TIMESTAMPTZ(3);
