import { createPubSub } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import type { CredentialChange, PubSubEvents } from '../events/tenant-events.ts';
import { createCredentialFeed } from './credential-feed.ts';

/** An event target that delivers each publication `delayMs` later, as a slow Redis would, to every subscriber. */
function slowTarget(delayMs: number): EventTarget {
  const target = new EventTarget();
  const dispatch = target.dispatchEvent.bind(target);
  target.dispatchEvent = (event: Event) => {
    setTimeout(() => dispatch(event), delayMs);
    return true;
  };
  return target;
}

describe('credential feed', () => {
  it('answers the revoking mutation only once its change has come back through pub/sub, when every copy has it', async () => {
    // Two copies share one (slow) bus: the announcing copy and another one.
    const target = slowTarget(150);
    const here = createCredentialFeed(createPubSub<PubSubEvents>({ eventTarget: target }));
    const there = createCredentialFeed(createPubSub<PubSubEvents>({ eventTarget: target }));
    const heardHere: CredentialChange[] = [];
    const heardThere: CredentialChange[] = [];
    here.onChange((c) => heardHere.push(c));
    there.onChange((c) => heardThere.push(c));
    await new Promise((r) => setTimeout(r, 20)); // both subscribed

    const announced = here.announce('apiKey', 'key-1');
    // This copy forgets at once, before anything is published.
    expect(heardHere.map((c) => c.id)).toEqual(['key-1']);
    const started = Date.now();
    await announced;
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    // By the time the mutation answers, the other copy has heard it too.
    expect(heardThere.map((c) => [c.kind, c.id])).toEqual([['apiKey', 'key-1']]);
    await Promise.all([here.close(), there.close()]);
  });

  it('answers within about a second even when the change never comes back (a lost message)', async () => {
    const lost = new EventTarget();
    lost.dispatchEvent = () => true;
    const feed = createCredentialFeed(createPubSub<PubSubEvents>({ eventTarget: lost }));
    const started = Date.now();
    await feed.announce('user', 'user-1');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(Date.now() - started).toBeLessThan(2_000);
    await feed.close();
  });
});
