// The service's entry point: npm start.
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createLogger } from './log.ts';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}

const log = createLogger(config.logLevel);
const app = await buildApp(config, log)
  .start()
  .catch((error: unknown) => {
    // Configuration only checkable at start (CHANNEL_PLUGINS' modules): the same clear message and exit code.
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  });

if (app.demo) {
  const d = app.demo;
  process.stdout.write(
    [
      '',
      `Parley is running: ${app.url}${config.env === 'development' ? '  (open it in a browser for GraphiQL)' : ''}`,
      `Demo tenant "${d.tenantName}"`,
      `  API key (partner backend):     ${d.apiKey}`,
      `  User token (${d.userEmail}, until ${d.userTokenExpiresAt.toISOString()}):`,
      `    ${d.userToken}`,
      '  Send either as the header   Authorization: Bearer <key or token>',
      `  e.g. curl -s ${app.url} -H 'content-type: application/json' -H 'authorization: Bearer ${d.apiKey}' -d '{"query":"{ tenant { name seats { purchased assigned } } }"}'`,
      '',
    ].join('\n'),
  );
}

let stoppingSince = 0;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // The same signal often arrives twice at once (Ctrl-C reaches npm and us, and npm forwards it):
    // only a second one a second later forces the exit.
    if (stoppingSince) {
      if (Date.now() - stoppingSince > 1000) process.exit(1);
      return;
    }
    stoppingSince = Date.now();
    app.stop().then(
      () => process.exit(0),
      (error) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
