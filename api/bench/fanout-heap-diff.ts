// Where the heap of N subscribers goes: `tsx api/bench/fanout-heap-diff.ts <before> <after> [n]`
// compares two V8 heap snapshots (BENCH_HEAP_SNAPSHOT_DIR of the fan-out benchmark) and prints
// the node kinds whose count or size grew most, per subscriber when n is given.
import { readFileSync } from 'node:fs';

type Snapshot = {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
  locations: number[];
};

function tally(file: string) {
  const s = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const fields = s.snapshot.meta.node_fields;
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [
    number,
    number,
    number,
  ];
  const types = s.snapshot.meta.node_types[0];
  // Closures are told apart by where their function is written: script and line (snapshot `locations`).
  const edgeWidth = s.snapshot.meta.edge_fields.length;
  const edgeTypes = s.snapshot.meta.edge_types[0];
  const countAt = fields.indexOf('edge_count');
  const firstEdge = new Map<number, number>();
  for (let i = 0, e = 0; i < s.nodes.length; i += width) {
    firstEdge.set(i, e);
    e += (s.nodes[i + countAt] as number) * edgeWidth;
  }
  const edge = (node: number, name: string): number | null => {
    const start = firstEdge.get(node) as number;
    for (let e = start; e < start + (s.nodes[node + countAt] as number) * edgeWidth; e += edgeWidth) {
      const kind = edgeTypes[s.edges[e] as number];
      if (kind !== 'element' && kind !== 'hidden' && s.strings[s.edges[e + 1] as number] === name)
        return s.edges[e + 2] as number;
    }
    return null;
  };
  const scriptName = (closure: number) => {
    const shared = edge(closure, 'shared');
    const script = shared === null ? null : edge(shared, 'script_or_debug_info');
    const name = script === null ? null : edge(script, 'name');
    return name === null
      ? '?'
      : (s.strings[s.nodes[name + nameAt] as number] ?? '?')
          .replace(/^.*node_modules\//, '')
          .replace(/^.*\/main\//, '');
  };
  const where = new Map<number, string>();
  for (let l = 0; l < (s.locations ?? []).length; l += 4) {
    const node = s.locations[l] as number;
    if (types[s.nodes[node + typeAt] as number] === 'closure')
      where.set(node, `${scriptName(node)}:${(s.locations[l + 2] as number) + 1}`);
  }
  const byKind = new Map<string, { count: number; size: number }>();
  for (let i = 0; i < s.nodes.length; i += width) {
    const type = types[s.nodes[i + typeAt] as number] as string;
    const rawName = `${s.strings[s.nodes[i + nameAt] as number] ?? ''}${type === 'closure' ? ` @${where.get(i) ?? '?'}` : ''}`;
    // BENCH_HEAP_STRINGS=1 tells strings apart by their first characters.
    const isString = type === 'string' || type === 'concatenated string' || type === 'sliced string';
    const name = isString
      ? process.env.BENCH_HEAP_STRINGS
        ? rawName.slice(0, 50).replace(/\s+/g, ' ')
        : ''
      : rawName.slice(0, 110);
    const key = `${type}:${name}`;
    const entry = byKind.get(key) ?? { count: 0, size: 0 };
    entry.count++;
    entry.size += s.nodes[i + sizeAt] as number;
    byKind.set(key, entry);
  }
  return byKind;
}

const [beforeFile, afterFile, n] = process.argv.slice(2);
if (!beforeFile || !afterFile)
  throw new Error('usage: fanout-heap-diff.ts <before.heapsnapshot> <after.heapsnapshot> [n]');
const per = Number(n ?? 1);
const before = tally(beforeFile);
const after = tally(afterFile);
const rows = [...after.entries()]
  .map(([kind, a]) => {
    const b = before.get(kind) ?? { count: 0, size: 0 };
    return { kind, count: (a.count - b.count) / per, bytes: (a.size - b.size) / per };
  })
  .filter((r) => r.bytes > 0)
  .sort((x, y) => y.bytes - x.bytes);
const total = rows.reduce((sum, r) => sum + r.bytes, 0);
console.log(`grown: ${(total / 1024).toFixed(1)} KB${per > 1 ? ' per subscriber' : ''}`);
for (const r of rows.slice(0, Number(process.env.ROWS ?? 45)))
  console.log(`${r.bytes.toFixed(0).padStart(8)} B  ${r.count.toFixed(2).padStart(7)}×  ${r.kind}`);
