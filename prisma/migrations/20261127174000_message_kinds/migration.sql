-- Message kinds: built-in ones for recruiting, the tenant's own, and per-channel rules forbidding a kind.
ALTER TYPE "MessageKind" ADD VALUE 'INTERVIEW_INVITATION';
ALTER TYPE "MessageKind" ADD VALUE 'REJECTION';
ALTER TYPE "MessageKind" ADD VALUE 'OFFER';
ALTER TYPE "MessageKind" ADD VALUE 'CUSTOM';

ALTER TABLE "Message" ADD COLUMN "customKind" TEXT;

CREATE TABLE "MessageKindName" (
    "tenantId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MessageKindName_pkey" PRIMARY KEY ("tenantId","key")
);

CREATE TABLE "MessageKindRule" (
    "tenantId" UUID NOT NULL,
    "channel" "Channel" NOT NULL,
    "kind" "MessageKind" NOT NULL,
    "customKind" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MessageKindRule_pkey" PRIMARY KEY ("tenantId","channel","kind","customKind")
);

ALTER TABLE "MessageKindName" ADD CONSTRAINT "MessageKindName_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MessageKindRule" ADD CONSTRAINT "MessageKindRule_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
