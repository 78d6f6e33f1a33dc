import { appendFileSync } from 'node:fs';
import { WATCHED } from './watched.mjs';

let out;
export function initialize(data) {
  out = data.out;
}

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (WATCHED.test(resolved.url)) appendFileSync(out, `${resolved.url}\n`);
  return resolved;
}
