import { z } from '../sdk/index.ts';

/**
 * A credit-sms account: the gateway's API token (Basic auth, as BulkSMS's token id and secret) and
 * the secret its webhooks are signed with (HMAC-SHA256; see README.md: BulkSMS itself signs nothing).
 */
export const creditSmsCredentials = z.object({
  tokenId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be the API token id (8 to 64 letters, digits, dashes or underscores)'),
  tokenSecret: z.string().min(16, 'must be the API token secret (at least 16 characters)').max(200),
  webhookSecret: z
    .string()
    .min(32, 'must be at least 32 characters of random text (e.g. openssl rand -hex 32)')
    .max(200, 'must be at most 200 characters'),
});

export type CreditSmsCredentials = z.infer<typeof creditSmsCredentials>;
