import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { CredentialKey } from '../config.ts';
import type { PrismaClient } from '../db/generated/prisma/client.ts';

/** Encrypts tenants' channel credentials at rest (AES-256-GCM); every ciphertext is stored with its key's id. */
export type CredentialCipher = {
  /** The key new ciphertexts are written with (the first of CHANNEL_CREDENTIALS_KEYS). */
  currentKeyId: string;
  encrypt(credentials: Record<string, string>): { keyId: string; ciphertext: string };
  decrypt(keyId: string, ciphertext: string): Record<string, string>;
};

const IV_BYTES = 12;
const TAG_BYTES = 16;

export function createCredentialCipher(keys: CredentialKey[]): CredentialCipher {
  const [current] = keys;
  if (!current) throw new Error('at least one credential key is needed');
  const byId = new Map(keys.map((k) => [k.id, k.key]));
  return {
    currentKeyId: current.id,
    encrypt(credentials) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv);
      // The key id is authenticated too: a ciphertext moved under another id does not decrypt.
      cipher.setAAD(Buffer.from(current.id));
      const body = Buffer.concat([cipher.update(JSON.stringify(credentials), 'utf8'), cipher.final()]);
      return {
        keyId: current.id,
        ciphertext: Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url'),
      };
    },
    decrypt(keyId, ciphertext) {
      const key = byId.get(keyId);
      if (!key) throw new Error(`channel credentials were encrypted with key ${keyId}, which is not configured`);
      const bytes = Buffer.from(ciphertext, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(keyId));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      const plain = Buffer.concat([
        decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
        decipher.final(),
      ]);
      return JSON.parse(plain.toString('utf8')) as Record<string, string>;
    },
  };
}

/**
 * CHANNEL_CREDENTIALS_KEYS when configured; otherwise (development and test
 * only: production requires the variable) a key generated once and kept in the
 * database, like the user-token key, so every copy and restart can decrypt.
 */
export async function loadCredentialCipher(
  prisma: PrismaClient,
  configured: CredentialKey[] | undefined,
): Promise<CredentialCipher> {
  if (configured) return createCredentialCipher(configured);
  const name = 'channel-credentials-key';
  await prisma.serviceSecret.createMany({
    data: [{ name, value: randomBytes(32).toString('base64') }],
    skipDuplicates: true,
  });
  const { value } = await prisma.serviceSecret.findUniqueOrThrow({ where: { name } });
  return createCredentialCipher([{ id: 'db', key: Buffer.from(value, 'base64') }]);
}

/** What a re-encryption pass did: accounts moved to the current key, and key ids it found but does not have. */
export type Reencryption = { reencrypted: number; missingKeyIds: string[] };

/**
 * Re-encrypts every channel account's credentials still under an older key
 * with the current one, so that key can then be dropped from
 * CHANNEL_CREDENTIALS_KEYS (npm run credentials:reencrypt, once every copy runs
 * with the new key first: a copy that lacks it could not read the result). The
 * credentials themselves are unchanged, so the account's version (its cached
 * provider) is not bumped. A row changed meanwhile (by an update of its
 * credentials, or another pass) is left as it is; a row under a key this
 * process lacks is left and its key id reported.
 */
export async function reencryptCredentials(prisma: PrismaClient, cipher: CredentialCipher): Promise<Reencryption> {
  const rows = await prisma.channelAccount.findMany({
    where: { keyId: { not: cipher.currentKeyId } },
    select: { id: true, keyId: true, credentials: true },
  });
  const missing = new Set<string>();
  let reencrypted = 0;
  for (const row of rows) {
    let plain: Record<string, string>;
    try {
      plain = cipher.decrypt(row.keyId, row.credentials);
    } catch {
      missing.add(row.keyId);
      continue;
    }
    const sealed = cipher.encrypt(plain);
    const { count } = await prisma.channelAccount.updateMany({
      where: { id: row.id, keyId: row.keyId, credentials: row.credentials },
      data: { keyId: sealed.keyId, credentials: sealed.ciphertext },
    });
    reencrypted += count;
  }
  return { reencrypted, missingKeyIds: [...missing] };
}
