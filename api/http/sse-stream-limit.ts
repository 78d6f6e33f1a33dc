import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { Actor } from '../auth/actor.ts';
import { limitExceeded } from './limits.ts';
import type { LiveConnections } from './live-connections.ts';

/**
 * At most `max` subscriptions over SSE (HTTP) at once per API key or user on this copy; the one over is
 * refused with HTTP 429 and LIMIT_EXCEEDED. A stream gives its place back when it ends for any reason:
 * the client goes away, the server ends it, its credential is revoked.
 */
export function useSseStreamLimit(
  live: Pick<LiveConnections, 'claim'>,
  max: number,
): Plugin<{ request?: Request; wsActor?: Actor; actor?: Actor }> {
  return {
    onSubscribe({ args, setResultAndStopExecution }) {
      const context = args.contextValue;
      if (context.wsActor || !context.actor) return; // graphql-ws counts its sockets itself
      const release = live.claim(context.actor, max);
      if (!release) {
        setResultAndStopExecution({
          errors: [
            limitExceeded(
              'connectionsPerCredential',
              max,
              `This API key or user already has ${max} open event streams: close one, or carry many subscriptions on one graphql-ws socket.`,
              429,
            ),
          ],
        });
        return;
      }
      context.request?.signal.addEventListener('abort', release, { once: true });
      return {
        onSubscribeResult({ result }) {
          if (!isAsyncIterable(result)) return release();
          return { onEnd: release };
        },
      };
    },
  };
}
