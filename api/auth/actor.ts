import type { Role } from '../db/generated/prisma/enums.ts';

/** Who is calling. Tenant actors carry their tenant; nothing else decides which rows they see. */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'operator' }
  | { kind: 'apiKey'; tenantId: string; apiKeyId: string }
  | {
      kind: 'user';
      tenantId: string;
      userId: string;
      role: Role /** When the user token expires (ms). */;
      expiresAt?: number;
      /** The tenant accepts only trusted documents from its user tokens (api/http/trusted-documents.ts). */
      requireTrustedDocuments?: boolean;
    };

export type TenantActor = Extract<Actor, { tenantId: string }>;
