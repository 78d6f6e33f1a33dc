import { z } from '../sdk/index.ts';

/** A sandbox account's one credential: the key its simulated webhooks are signed with (HMAC-SHA256). */
export const sandboxCredentials = z.object({
  signingSecret: z
    .string()
    .min(32, 'must be at least 32 characters of random text (e.g. openssl rand -hex 32)')
    .max(200, 'must be at most 200 characters'),
});

export type SandboxCredentials = z.infer<typeof sandboxCredentials>;
