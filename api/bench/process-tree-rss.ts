import { readFileSync } from 'node:fs';

function children(pid: number): number[] {
  try {
    const tasks = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return tasks ? tasks.split(/\s+/).map(Number) : [];
  } catch {
    return [];
  }
}

function rssKb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Resident memory of a process and all its descendants, in MiB (Linux /proc). */
export function treeRssMb(pid: number): number {
  let kb = 0;
  const pending = [pid];
  while (pending.length) {
    const next = pending.pop() as number;
    kb += rssKb(next);
    pending.push(...children(next));
  }
  return kb / 1024;
}

/** Samples `treeRssMb(pid)` every `everyMs` while `work` runs; the peak, in MiB. */
export async function peakTreeRss<T>(pid: number, everyMs: number, work: () => Promise<T>) {
  let peak = treeRssMb(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRssMb(pid));
  }, everyMs);
  try {
    const result = await work();
    return { result, peakMb: Math.max(peak, treeRssMb(pid)) };
  } finally {
    clearInterval(timer);
  }
}
