import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { generateSigningSecret, sign, webhookHeaders } from './signing.ts';

describe('Standard Webhooks signing', () => {
  it('makes whsec_ secrets of 32 random bytes', () => {
    const secret = generateSigningSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(generateSigningSecret()).not.toBe(secret);
  });

  it('signs so the standardwebhooks library verifies, and a changed body fails', () => {
    const secret = generateSigningSecret();
    const body = JSON.stringify({ type: 'MESSAGE_CREATED', timestamp: new Date().toISOString(), data: { a: 1 } });
    const headers = webhookHeaders(
      [secret],
      '01935c5e-0000-7000-8000-000000000001',
      Math.floor(Date.now() / 1000),
      body,
    );
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(secret).verify(`${body} `, headers)).toThrow();
    expect(() => new Webhook(generateSigningSecret()).verify(body, headers)).toThrow();
  });

  it('matches the library’s own signature byte for byte', () => {
    const secret = generateSigningSecret();
    const at = new Date(1_700_000_000_000);
    expect(sign(secret, 'msg_1', 1_700_000_000, 'hello')).toBe(new Webhook(secret).sign('msg_1', at, 'hello'));
  });

  it('signs with every secret given, space-separated, and each verifies alone', () => {
    const [older, newer] = [generateSigningSecret(), generateSigningSecret()];
    const headers = webhookHeaders([newer, older], 'evt', Math.floor(Date.now() / 1000), '{}');
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(older).verify('{}', headers)).not.toThrow();
    expect(() => new Webhook(newer).verify('{}', headers)).not.toThrow();
  });
});
