-- CreateEnum
CREATE TYPE "WorkflowTrigger" AS ENUM ('APPLICATION_STATUS_CHANGED', 'CALL_TO_ACTION_COMPLETED');

-- CreateEnum
CREATE TYPE "WorkflowRunStatus" AS ENUM ('RUNNING', 'COMPLETED', 'STOPPED', 'PAUSED');

-- CreateEnum
CREATE TYPE "WorkflowStepOutcome" AS ENUM ('PENDING', 'SENT', 'SCHEDULED', 'REFUSED', 'STOPPED_BY_REPLY', 'PAUSED');

-- CreateTable
CREATE TABLE "Workflow" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "trigger" "WorkflowTrigger" NOT NULL,
    "toStatus" TEXT,
    "fromStatus" TEXT,
    "callToAction" TEXT,
    "jobIds" UUID[],
    "jobTitleContains" TEXT,
    "stopOnReply" BOOLEAN NOT NULL DEFAULT false,
    "pausedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Workflow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkflowStep" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "workflowId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "delayMinutes" INTEGER NOT NULL DEFAULT 0,
    "senderId" UUID NOT NULL,
    "templateId" UUID NOT NULL,
    "channel" "Channel" NOT NULL,

    CONSTRAINT "WorkflowStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkflowRun" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "workflowId" UUID NOT NULL,
    "partnerEventId" TEXT NOT NULL,
    "applicationId" UUID NOT NULL,
    "conversationId" UUID NOT NULL,
    "trigger" "WorkflowTrigger" NOT NULL,
    "triggerData" JSONB NOT NULL,
    "status" "WorkflowRunStatus" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "WorkflowRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkflowRunStep" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "senderId" UUID NOT NULL,
    "templateId" UUID NOT NULL,
    "channel" "Channel" NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "outcome" "WorkflowStepOutcome" NOT NULL DEFAULT 'PENDING',
    "leaseUntil" TIMESTAMPTZ(3),
    "messageId" UUID,
    "reason" TEXT,
    "detail" TEXT,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "WorkflowRunStep_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Workflow_tenantId_trigger_idx" ON "Workflow"("tenantId", "trigger");

-- CreateIndex
CREATE INDEX "WorkflowStep_tenantId_idx" ON "WorkflowStep"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "WorkflowStep_workflowId_position_key" ON "WorkflowStep"("workflowId", "position");

-- CreateIndex
CREATE INDEX "WorkflowRun_tenantId_createdAt_idx" ON "WorkflowRun"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "WorkflowRun_conversationId_createdAt_idx" ON "WorkflowRun"("conversationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "WorkflowRun_tenantId_workflowId_partnerEventId_applicationI_key" ON "WorkflowRun"("tenantId", "workflowId", "partnerEventId", "applicationId");

-- CreateIndex
CREATE INDEX "WorkflowRunStep_outcome_dueAt_idx" ON "WorkflowRunStep"("outcome", "dueAt");

-- CreateIndex
CREATE INDEX "WorkflowRunStep_tenantId_idx" ON "WorkflowRunStep"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "WorkflowRunStep_runId_position_key" ON "WorkflowRunStep"("runId", "position");

-- AddForeignKey
ALTER TABLE "Workflow" ADD CONSTRAINT "Workflow_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowStep" ADD CONSTRAINT "WorkflowStep_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "Workflow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowRun" ADD CONSTRAINT "WorkflowRun_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "Workflow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowRunStep" ADD CONSTRAINT "WorkflowRunStep_runId_fkey" FOREIGN KEY ("runId") REFERENCES "WorkflowRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

