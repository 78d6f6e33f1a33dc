import type { PubSub } from 'graphql-yoga';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import type { LoggedEvent, PubSubEvents } from './tenant-events.ts';

/** Redis confirms a new subscription asynchronously: members that joined before this look at the log once. */
const SETTLE_MS = 1_000;
/** How often a topic looks for a publication that never came (one query per tenant, not per subscriber). */
const IDLE_CHECK_MS = 15_000;

/** One subscriber of a tenant's live events in this process. */
export type TopicMember = {
  /** A live event, in the order the topic received it. */
  deliver(event: LoggedEvent): void;
  /** Something may be in the log that never came live: read it. */
  lookAtLog(): void;
  /** The position it has delivered up to, or null while it is still starting. */
  position(): bigint | null;
  /** Whether it is waiting for events (nothing buffered). */
  idle(): boolean;
};

type Deps = { prisma: PrismaClient; pubsub: PubSub<PubSubEvents> };

type Topic = {
  members: Set<TopicMember>;
  /** Members that joined before the subscription settled; null once it has. */
  settling: Set<TopicMember> | null;
  feed: AsyncIterableIterator<LoggedEvent>;
  settle: NodeJS.Timeout;
  check: NodeJS.Timeout;
};

const hubs = new WeakMap<PubSub<PubSubEvents>, Map<string, Topic>>();

/**
 * One pub/sub subscription per tenant per process, shared by all that tenant's
 * subscribers here: each event is handed to every member, in order; one timer
 * per tenant settles new subscriptions and looks for lost publications. The
 * last member to leave ends the subscription. Returns how to leave.
 */
export function joinTenantTopic(deps: Deps, tenantId: string, member: TopicMember): () => void {
  let topics = hubs.get(deps.pubsub);
  if (!topics) {
    topics = new Map();
    hubs.set(deps.pubsub, topics);
  }
  const joined = topics;
  const topic = joined.get(tenantId) ?? open(deps, tenantId, joined);
  topic.members.add(member);
  topic.settling?.add(member);
  let left = false;
  return () => {
    if (left) return;
    left = true;
    topic.members.delete(member);
    topic.settling?.delete(member);
    if (topic.members.size > 0) return;
    clearTimeout(topic.settle);
    clearInterval(topic.check);
    if (joined.get(tenantId) === topic) joined.delete(tenantId);
    void topic.feed.return?.();
  };
}

function open(deps: Deps, tenantId: string, topics: Map<string, Topic>): Topic {
  const feed = deps.pubsub.subscribe('tenant', tenantId);
  const topic: Topic = {
    members: new Set(),
    settling: new Set(),
    feed,
    settle: setTimeout(() => {
      const settled = topic.settling;
      topic.settling = null;
      for (const member of settled ?? []) member.lookAtLog();
    }, SETTLE_MS),
    check: setInterval(() => void lookForLost(deps, tenantId, topic), IDLE_CHECK_MS),
  };
  topic.settle.unref();
  topic.check.unref();
  topics.set(tenantId, topic);
  void (async () => {
    for await (const event of feed) for (const member of topic.members) member.deliver(event);
  })().catch(() => {});
  return topic;
}

/** Idle members behind the tenant's last position missed a publication: they read the log. */
async function lookForLost(deps: Deps, tenantId: string, topic: Topic) {
  const [row] = await deps.prisma.$queryRaw<
    { last: bigint }[]
  >`SELECT "lastEventPosition" AS last FROM "Tenant" WHERE id = ${tenantId}::uuid`.catch(() => []); // the database is away: the next round looks again
  if (!row) return;
  for (const member of topic.members) {
    const position = member.position();
    if (position !== null && position < row.last && member.idle()) member.lookAtLog();
  }
}

/** How many tenants have a live topic on `pubsub`, and how many subscribers they hold (for tests). */
export function topicCounts(pubsub: PubSub<PubSubEvents>) {
  const topics = [...(hubs.get(pubsub)?.values() ?? [])];
  return { topics: topics.length, members: topics.reduce((sum, topic) => sum + topic.members.size, 0) };
}
