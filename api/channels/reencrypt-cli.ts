// npm run credentials:reencrypt — after a new key was put first in CHANNEL_CREDENTIALS_KEYS and every
// copy restarted with it: re-encrypts every channel account still under an older key with the new one,
// so the old key can be removed. Prints counts and key ids only, never credentials.
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { databaseTarget } from '../db/target.ts';
import { loadCredentialCipher, reencryptCredentials } from './credential-crypto.ts';

const config = loadConfig();
const db = await openDatabase(databaseTarget(config));
try {
  const cipher = await loadCredentialCipher(db.prisma, config.channels.credentialKeys);
  const { reencrypted, missingKeyIds } = await reencryptCredentials(db.prisma, cipher);
  console.log(`re-encrypted ${reencrypted} channel account(s) with key ${cipher.currentKeyId}`);
  if (missingKeyIds.length) {
    console.error(
      `left accounts under key(s) ${missingKeyIds.join(', ')}, which CHANNEL_CREDENTIALS_KEYS does not list: add them (after the new key) and run this again`,
    );
    process.exitCode = 1;
  }
} finally {
  await db.close();
}
