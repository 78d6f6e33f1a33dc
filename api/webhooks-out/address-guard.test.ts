import { describe, expect, it } from 'vitest';
import { checkHost, ForbiddenAddressError, forbiddenRange } from './address-guard.ts';

describe('forbiddenRange', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.1.2', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'shared (CGNAT)'],
    ['100.127.255.254', 'shared (CGNAT)'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['fc00::1', 'unique local'],
    ['fd12:3456::1', 'unique local'],
    ['fe80::1', 'link-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['::ffff:10.0.0.1', 'private'],
    ['64:ff9b::a9fe:a9fe', 'link-local'],
    ['2002:0a00:0001::1', 'private'],
    ['::ffff:0:127.0.0.1', 'loopback'],
    ['::ffff:0:7f00:1', 'loopback'],
    ['::ffff:0:8.8.8.8', null],
    ['100::1', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['2001:db8:ffff::1', 'reserved'],
    ['2001::1', 'reserved'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'reserved'],
    ['2001:1ff::1', 'reserved'],
  ])('refuses %s as %s', (address, range) => {
    expect(forbiddenRange(address)).toBe(range);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '169.253.1.1',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
    '2001:200::1',
    '2001:4860:4860::8888',
    '100:0:0:1::1',
  ])('allows the public address %s', (address) => {
    expect(forbiddenRange(address)).toBeNull();
  });
});

describe('checkHost', () => {
  it('refuses a host name that resolves to loopback, naming the address', async () => {
    const refusal = await checkHost('localhost', false).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ForbiddenAddressError);
    expect((refusal as Error).message).toMatch(/localhost resolves to .*loopback/);
  });

  it('refuses IP literals, bracketed IPv6 included', async () => {
    await expect(checkHost('169.254.169.254', false)).rejects.toThrow(/link-local/);
    await expect(checkHost('[::1]', false)).rejects.toThrow(/loopback/);
  });

  it('lets private targets through only when allowed', async () => {
    await expect(checkHost('127.0.0.1', true)).resolves.toBeUndefined();
  });
});
