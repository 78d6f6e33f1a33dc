// Preloaded by the fan-out benchmark into the processes it measures (`--expose-gc --import
// ./api/bench/memory-probe.ts`), never by the service itself: on SIGUSR2 the process collects
// garbage and prints one line `[memory] {"heapUsed":…,"rss":…}` on stderr. With
// BENCH_HEAP_SNAPSHOT_DIR set it also writes a heap snapshot there each time.
import { writeHeapSnapshot } from 'node:v8';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('memory-probe needs node --expose-gc');

process.on('SIGUSR2', () => {
  // Twice, with a turn of the event loop between, so finalizers and weak callbacks have run.
  gc();
  setImmediate(() => {
    gc();
    const { heapUsed, rss, external } = process.memoryUsage();
    const dir = process.env.BENCH_HEAP_SNAPSHOT_DIR;
    const snapshot = dir ? writeHeapSnapshot(`${dir}/${process.pid}-${Date.now()}.heapsnapshot`) : undefined;
    // The service's live delivery counts (api/live/live-counts.ts), when it has any.
    const live = (globalThis as Record<symbol, unknown>)[Symbol.for('parley.liveCounts')];
    process.stderr.write(`[memory] ${JSON.stringify({ heapUsed, rss, external, snapshot, live })}\n`);
  });
});
