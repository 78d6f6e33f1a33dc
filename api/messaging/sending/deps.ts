import type { ChannelRegistry } from '../../channels/registry.ts';

/** What sending needs beyond the tenant scope: the channel plugins, and a nudge for the outbox workers. */
export type MessagingDeps = { channels: ChannelRegistry; wakeOutbox: () => void };
