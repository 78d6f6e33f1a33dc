import type { Figures } from './load.ts';

export type Spread = { median: number; min: number; max: number };

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { median, min: sorted[0] ?? 0, max: sorted.at(-1) ?? 0 };
}

const round = (n: number, digits: number) => {
  const f = 10 ** digits;
  return String(Math.round(n * f) / f);
};

/** "median (min–max)", or the one value when there is one. */
export function formatSpread(s: Spread, digits = 0, suffix = ''): string {
  const m = `${round(s.median, digits)}${suffix}`;
  return s.min === s.max ? m : `${m} (${round(s.min, digits)}–${round(s.max, digits)}${suffix})`;
}

/** A markdown table of each row's repetitions: median (min–max) of req/s, p50 and p99; errors summed; peak RSS. */
export function figuresTable(rows: { name: string; runs: Figures[] }[]): string {
  const lines = ['| run | req/s | p50 ms | p99 ms | errors | server RSS MiB |', '|---|---:|---:|---:|---:|---:|'];
  for (const { name, runs } of rows) {
    const of = (pick: (f: Figures) => number, digits = 0) => formatSpread(spread(runs.map(pick)), digits);
    const rss = runs.map((r) => r.maxRssMb).filter((m): m is number => m !== null);
    const errors = runs.reduce((sum, r) => sum + r.errors + r.non2xx, 0);
    lines.push(
      `| ${name} | ${of((r) => r.rps)} | ${of((r) => r.p50, 1)} | ${of((r) => r.p99, 1)} | ${errors} | ${rss.length ? Math.max(...rss) : '–'} |`,
    );
  }
  return lines.join('\n');
}
