import { pino } from 'pino';

/**
 * Structured JSON logs. Secrets never reach a log: credentials are redacted
 * wherever they appear, and message bodies are logged only at debug level.
 */
export function createLogger(level: string) {
  return pino({
    level,
    base: { service: 'parley' },
    redact: {
      paths: [
        'authorization',
        '*.authorization',
        'headers.authorization',
        'secret',
        '*.secret',
        'token',
        '*.token',
        'apiKeySecret',
      ],
      censor: '[redacted]',
    },
  });
}

export type Logger = ReturnType<typeof createLogger>;
