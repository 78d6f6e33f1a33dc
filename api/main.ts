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

// On stderr: stdout carries only the JSON log lines, for whatever collects them.
if (app.demo) {
  const d = app.demo;
  process.stderr.write(
    [
      '',
      `Parley is running: ${app.url}${config.env === 'development' ? '  (open it in a browser for GraphiQL)' : ''}`,
      `Demo tenant "${d.tenantName}"`,
      `  API key (partner backend):     ${d.apiKey}`,
      `  User token (${d.userEmail}, until ${d.userTokenExpiresAt.toISOString()}):`,
      `    ${d.userToken}`,
      '  Send either as the header   Authorization: Bearer <key or token>',
      `  e.g. curl -s ${app.url} -H 'content-type: application/json' -H 'authorization: Bearer ${d.apiKey}' -d '{"query":"{ tenant { name seats { purchased assigned } } }"}'`,
      ...(d.sandbox ? sandboxTour(app.url, d.userToken, d.sandbox) : []),
      ...(d.sandbox && config.referenceInbox
        ? [
            `  Or in the browser, the reference inbox (clients/inbox), signed in with the user token above:`,
            `    ${app.url.replace(/\/graphql$/, '')}/inbox/#/conversations/${d.sandbox.conversationId}`,
          ]
        : []),
      '',
    ].join('\n'),
  );
}

/** How to hold a whole conversation on the sandbox carrier, as shell commands to paste. */
function sandboxTour(
  url: string,
  token: string,
  s: { sendingNumber: string; candidatePhone: string; conversationId: string },
): string[] {
  const c = `conversationId: \\"${s.conversationId}\\"`;
  return [
    '',
    `Try a conversation on the sandbox carrier (simulated: no provider account, no real phone; see plugins/sandbox/README.md).`,
    `  Casey Candidate (${s.candidatePhone}) applied with the SMS box ticked; your sandbox number is ${s.sendingNumber}.`,
    `  parley() { curl -s ${url} -H 'content-type: application/json' -H 'authorization: Bearer ${token}' -d "{\\"query\\":\\"$1\\"}"; echo; }`,
    `  parley 'mutation { sendConsentInvite(${c}) { __typename ... on Message { status } ... on Error { message } } }'`,
    `  parley 'mutation { simulateInboundMessage(input: { from: \\"${s.candidatePhone}\\", body: \\"YES\\" }) { __typename ... on Error { message } } }'`,
    `  parley 'mutation { sendMessage(input: { ${c}, channel: SMS, body: \\"Hi Casey, can you start Monday?\\", idempotencyKey: \\"demo-message-1\\" }) { __typename ... on Error { message } } }'`,
    `  parley 'mutation { simulateInboundMessage(input: { from: \\"${s.candidatePhone}\\", body: \\"Yes, see you then\\" }) { __typename ... on Error { message } } }'`,
    `  parley '{ conversation(id: \\"${s.conversationId}\\") { locks { channel locked reason } messages(last: 10) { edges { node { direction body status } } } } }'`,
    '  The candidate may also text STOP, START or HELP; magic numbers that fail are listed in plugins/sandbox/README.md.',
  ];
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
