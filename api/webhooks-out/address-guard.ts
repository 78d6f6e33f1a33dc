import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';

/** Why an address may not receive webhooks; null when it is a public unicast address. */
export type ForbiddenRange =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'shared (CGNAT)'
  | 'link-local'
  | 'multicast'
  | 'reserved'
  | 'unique local';

function ipv4Bytes(address: string): number[] | null {
  const parts = address.split('.');
  if (parts.length !== 4) return null;
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : Number.NaN));
  return bytes.every((b) => b >= 0 && b <= 255) ? bytes : null;
}

/** The 16 bytes of an IPv6 address (with :: and a dotted IPv4 tail expanded). */
function ipv6Bytes(address: string): number[] | null {
  let text = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const tail: number[] = [];
  const dotted = /:(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const v4 = ipv4Bytes(dotted[1]);
    if (!v4) return null;
    tail.push(...v4);
    text = `${text.slice(0, dotted.index)}:0:0`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (s: string) => (s ? s.split(':') : []);
  const head = groups(halves[0] ?? '');
  const rest = halves.length === 2 ? groups(halves[1] ?? '') : [];
  const missing = 8 - head.length - rest.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return null;
  const all = [...head, ...Array<string>(missing).fill('0'), ...rest];
  const bytes: number[] = [];
  for (const g of all) {
    if (!/^[0-9a-f]{1,4}$/i.test(g)) return null;
    const n = Number.parseInt(g, 16);
    bytes.push(n >> 8, n & 0xff);
  }
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

function classifyV4([a = 0, b = 0, c = 0]: number[]): ForbiddenRange | null {
  if (a === 0) return 'unspecified';
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 100 && b >= 64 && b <= 127) return 'shared (CGNAT)';
  if (a === 169 && b === 254) return 'link-local';
  if (a >= 224 && a <= 239) return 'multicast';
  if (a >= 240) return 'reserved';
  if ((a === 192 && b === 0 && c === 0) || (a === 198 && (b === 18 || b === 19))) return 'reserved';
  return null;
}

function classifyV6(bytes: number[]): ForbiddenRange | null {
  const zeroUpTo = (n: number) => bytes.slice(0, n).every((b) => b === 0);
  const v4 = bytes.slice(12);
  if (zeroUpTo(15) && bytes[15] === 0) return 'unspecified';
  if (zeroUpTo(15) && bytes[15] === 1) return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) carry an IPv4 address.
  if (zeroUpTo(10) && bytes[10] === 0xff && bytes[11] === 0xff) return classifyV4(v4);
  if (zeroUpTo(12)) return classifyV4(v4);
  if (
    bytes[0] === 0x00 &&
    bytes[1] === 0x64 &&
    bytes[2] === 0xff &&
    bytes[3] === 0x9b &&
    bytes.slice(4, 12).every((b) => b === 0)
  )
    return classifyV4(v4);
  // IPv4-translated (::ffff:0:a.b.c.d, RFC 2765) carries an IPv4 address too.
  if (zeroUpTo(8) && bytes[8] === 0xff && bytes[9] === 0xff && bytes[10] === 0 && bytes[11] === 0) {
    return classifyV4(v4);
  }
  // 6to4 (2002:a.b.c.d::/48) routes to the IPv4 address it embeds.
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return classifyV4(bytes.slice(2, 6));
  const first = bytes[0] ?? 0;
  const second = bytes[1] ?? 0;
  // Discard-only 100::/64 (RFC 6666) and documentation 2001:db8::/32 (RFC 3849).
  if (first === 0x01 && second === 0x00 && bytes.slice(2, 8).every((b) => b === 0)) return 'reserved';
  if (first === 0x20 && second === 0x01 && bytes[2] === 0x0d && bytes[3] === 0xb8) return 'reserved';
  // IETF protocol assignments 2001::/23 (RFC 2928), Teredo 2001::/32 included: tunnels and special-purpose
  // blocks, no ordinary receiver. Its few anycast services (e.g. AS112 in 2001:4:112::/48) do not take webhooks.
  if (first === 0x20 && second === 0x01 && (bytes[2] ?? 0) < 0x02) return 'reserved';
  if ((first & 0xfe) === 0xfc) return 'unique local';
  if (first === 0xfe && (second & 0xc0) === 0x80) return 'link-local';
  if (first === 0xfe && (second & 0xc0) === 0xc0) return 'private'; // site-local, deprecated
  if (first === 0xff) return 'multicast';
  return null;
}

/** The forbidden range an IP address falls in, or null for a public address (and for text that is no IP). */
export function forbiddenRange(address: string): ForbiddenRange | null {
  const version = isIP(address.replace(/^\[|\]$/g, ''));
  if (version === 4) {
    const bytes = ipv4Bytes(address);
    return bytes ? classifyV4(bytes) : 'reserved';
  }
  if (version === 6) {
    const bytes = ipv6Bytes(address);
    return bytes ? classifyV6(bytes) : 'reserved';
  }
  return null;
}

/** An address the guard refused: the request never connects. */
export class ForbiddenAddressError extends Error {
  override name = 'ForbiddenAddressError';
  constructor(
    readonly host: string,
    readonly address: string,
    readonly range: ForbiddenRange,
  ) {
    super(
      host === address
        ? `${address} is a ${range} address; webhooks go only to public addresses`
        : `${host} resolves to ${address}, a ${range} address; webhooks go only to public addresses`,
    );
  }
}

/** Throws ForbiddenAddressError on the first resolved address in a forbidden range (unless private targets are allowed). */
export function checkAddresses(host: string, addresses: string[], allowPrivate: boolean): void {
  if (allowPrivate) return;
  for (const address of addresses) {
    const range = forbiddenRange(address);
    if (range) throw new ForbiddenAddressError(host, address, range);
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for node's http(s).request: resolves, checks every address, and
 * hands node only addresses it checked, so the socket connects to exactly
 * what was checked (a DNS answer that changes between check and connect
 * cannot smuggle in a private address).
 */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: { family?: number | string; all?: boolean }, callback: LookupCallback) => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : Number(options.family ?? 0);
    dnsLookup(hostname, { all: true, family: family as 0 | 4 | 6 }, (err, addresses) => {
      if (err) return callback(err, []);
      try {
        checkAddresses(
          hostname,
          addresses.map((a) => a.address),
          allowPrivate,
        );
      } catch (refused) {
        return callback(refused as NodeJS.ErrnoException, []);
      }
      const [first] = addresses;
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
      if (options.all) callback(null, addresses);
      else callback(null, first.address, first.family);
    });
  };
}

/** Resolves a host name (or takes an IP literal) and checks each address. */
export async function checkHost(hostname: string, allowPrivate: boolean): Promise<void> {
  const bare = hostname.replace(/^\[|\]$/g, '');
  if (isIP(bare)) return checkAddresses(bare, [bare], allowPrivate);
  const addresses = await new Promise<LookupAddress[]>((resolve, reject) =>
    dnsLookup(bare, { all: true }, (err, found) => (err ? reject(err) : resolve(found))),
  );
  checkAddresses(
    bare,
    addresses.map((a) => a.address),
    allowPrivate,
  );
}
