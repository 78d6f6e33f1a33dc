import type { CredentialCipher } from '../channels/credential-crypto.ts';

/** A signing secret encrypted with the credential keys, as stored: "<keyId>.<ciphertext>". */
export function sealSecret(cipher: CredentialCipher, secret: string): string {
  const { keyId, ciphertext } = cipher.encrypt({ secret });
  return `${keyId}.${ciphertext}`;
}

export function openSecret(cipher: CredentialCipher, sealed: string): string {
  const dot = sealed.indexOf('.');
  const { secret } = cipher.decrypt(sealed.slice(0, dot), sealed.slice(dot + 1));
  if (!secret) throw new Error('a webhook signing secret did not decrypt to a secret');
  return secret;
}
