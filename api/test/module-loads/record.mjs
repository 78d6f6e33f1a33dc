// node --import <this file>: appends to $PARLEY_RECORD_LOADS the path of every module of OpenTelemetry
// (@opentelemetry/*, @envelop/opentelemetry, @prisma/instrumentation) the process loads, by import or require.
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { WATCHED } from './watched.mjs';

const out = process.env.PARLEY_RECORD_LOADS;
if (out) {
  register(new URL('./hooks.mjs', import.meta.url), { data: { out } });
  const load = Module._load;
  Module._load = function recordLoad(request, parent, isMain) {
    const loaded = load.call(this, request, parent, isMain);
    try {
      const file = Module._resolveFilename(request, parent, isMain);
      if (WATCHED.test(file)) appendFileSync(out, `${file}\n`);
    } catch {
      // a built-in or a virtual module
    }
    return loaded;
  };
}
