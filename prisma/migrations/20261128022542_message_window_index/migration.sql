-- The send policy's session-window reads (the candidate's last inbound message and the last
-- re-engagement template on a channel, api/messaging/send-policy/facts.ts) find the newest
-- matching message from the end of this index instead of reading all of the conversation's
-- messages on the channel. It replaces the (conversationId, channel) index, its prefix, so a
-- message write still maintains as many indexes as before.
CREATE INDEX "Message_conversationId_channel_direction_createdAt_idx" ON "Message"("conversationId", "channel", "direction", "createdAt");
DROP INDEX "Message_conversationId_channel_idx";
