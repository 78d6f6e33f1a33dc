import { readdirSync, readFileSync } from 'node:fs';

const OPERATION = /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/g;

/**
 * The operation names of the typed client's documents (clients/operations): the only names that become
 * labels. A copy of the service shipped without that folder labels every named operation "other".
 */
export function knownOperationNames(dir = new URL('../../clients/operations/', import.meta.url)): Set<string> {
  const names = new Set<string>();
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return names;
  }
  for (const file of files) {
    if (!file.endsWith('.graphql')) continue;
    for (const match of readFileSync(new URL(file, dir), 'utf8').matchAll(OPERATION)) names.add(match[1] as string);
  }
  return names;
}

/**
 * The label for an operation name: a known name as it is, none as "anonymous", anything else as "other",
 * so names a caller makes up cannot grow the number of series.
 */
export function operationLabel(known: ReadonlySet<string>, name: string | null | undefined): string {
  if (!name) return 'anonymous';
  return known.has(name) ? name : 'other';
}
