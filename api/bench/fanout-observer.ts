// Run by the fan-out benchmark in a process of its own, so that the time an event reached Redis
// subscribers is taken on an idle event loop: prints one JSON line per message of the channels
// given as arguments, with the time it arrived (epoch ms, fractional).
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL as string);
redis.on('message', (channel: string, message: string) => {
  const at = performance.timeOrigin + performance.now();
  process.stdout.write(`${JSON.stringify({ channel, at, message })}\n`);
});
await redis.subscribe(...process.argv.slice(2));
process.stdout.write('{"ready":true}\n');
process.on('SIGTERM', () => {
  redis.disconnect();
  process.exit(0);
});
