-- The event relay's check for events positioned but never published (api/events/relay.ts,
-- `unpublished`), which runs on every pass (every 250 ms, and on each wake by a send or an inbound
-- message), read every event in retention: a sequential scan, 8.8 ms at 200,000 events. This index
-- holds only the unpublished ones (normally none), so the check reads nothing. Partial, so it is
-- written here and noted beside the Event model in schema.prisma (Prisma's schema has no partial indexes
-- without a preview feature).
CREATE INDEX "Event_unpublished_createdAt_idx" ON "Event"("createdAt") WHERE "publishedAt" IS NULL AND "position" IS NOT NULL;
