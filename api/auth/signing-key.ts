import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '../db/generated/prisma/client.ts';

/**
 * The key that signs user tokens: TOKEN_SECRET when configured, else one the
 * service generates once and keeps in the database, so every copy of the
 * service and every restart accepts the same tokens.
 */
export async function loadSigningKey(prisma: PrismaClient, configured: string | undefined): Promise<Uint8Array> {
  if (configured) return new TextEncoder().encode(configured);
  const name = 'user-token-signing-key';
  await prisma.serviceSecret.createMany({
    data: [{ name, value: randomBytes(32).toString('base64url') }],
    skipDuplicates: true,
  });
  const { value } = await prisma.serviceSecret.findUniqueOrThrow({ where: { name } });
  return new TextEncoder().encode(value);
}
