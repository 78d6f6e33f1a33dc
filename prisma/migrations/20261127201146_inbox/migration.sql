-- CreateTable
CREATE TABLE "ConversationInboxState" (
    "tenantId" UUID NOT NULL,
    "conversationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "archivedAt" TIMESTAMPTZ(3),
    "snoozedUntil" TIMESTAMPTZ(3),
    "snoozedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConversationInboxState_pkey" PRIMARY KEY ("conversationId","userId")
);

-- CreateTable
CREATE TABLE "ConversationReadMarker" (
    "tenantId" UUID NOT NULL,
    "conversationId" UUID NOT NULL,
    "readerKey" TEXT NOT NULL,
    "upToMessageId" UUID NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConversationReadMarker_pkey" PRIMARY KEY ("conversationId","readerKey")
);

-- CreateIndex
CREATE INDEX "ConversationInboxState_tenantId_userId_idx" ON "ConversationInboxState"("tenantId", "userId");

-- CreateIndex
CREATE INDEX "ConversationReadMarker_tenantId_idx" ON "ConversationReadMarker"("tenantId");

-- CreateIndex
CREATE INDEX "Conversation_tenantId_lastMessageAt_id_idx" ON "Conversation"("tenantId", "lastMessageAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Message_conversationId_id_idx" ON "Message"("conversationId", "id");

-- CreateIndex
CREATE INDEX "Message_conversationId_direction_id_idx" ON "Message"("conversationId", "direction", "id");

-- CreateIndex
CREATE INDEX "Message_authorId_conversationId_idx" ON "Message"("authorId", "conversationId");

-- AddForeignKey
ALTER TABLE "ConversationInboxState" ADD CONSTRAINT "ConversationInboxState_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationReadMarker" ADD CONSTRAINT "ConversationReadMarker_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
