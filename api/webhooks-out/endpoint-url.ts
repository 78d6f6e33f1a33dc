import { ValidationError } from '../domain/errors.ts';
import { checkHost, ForbiddenAddressError } from './address-guard.ts';

/** Where webhooks may go (WEBHOOK_REQUIRE_HTTPS, WEBHOOKS_ALLOW_PRIVATE_TARGETS). */
export type TargetPolicy = { requireHttps: boolean; allowPrivate: boolean };

const MAX_URL_LENGTH = 2000;

/**
 * The endpoint URL, normalized, or a ValidationError on `url` saying what is
 * wrong: not http(s), http where https is required, credentials in the URL,
 * or a host that does not resolve or resolves to a non-public address.
 */
export async function validateEndpointUrl(raw: string, policy: TargetPolicy): Promise<string> {
  const text = raw.trim();
  const refuse = (message: string) => ValidationError.of('url', message);
  if (!text) throw refuse('must not be empty');
  if (text.length > MAX_URL_LENGTH) throw refuse(`must be at most ${MAX_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw refuse('is not a URL; give an absolute URL such as https://hooks.example.com/parley');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw refuse('must start with https://');
  if (policy.requireHttps && url.protocol !== 'https:') {
    throw refuse('must start with https:// (this installation sends webhooks over TLS only)');
  }
  if (url.username || url.password)
    throw refuse('must not carry a user name or password; verify the signature instead');
  if (url.hash) throw refuse('must not have a #fragment');
  try {
    await checkHost(url.hostname, policy.allowPrivate);
  } catch (error) {
    if (error instanceof ForbiddenAddressError) throw refuse(`is refused: ${error.message}`);
    const code = (error as NodeJS.ErrnoException).code ?? 'lookup failed';
    throw refuse(`has a host name that does not resolve (${code}); check it`);
  }
  return url.toString();
}
