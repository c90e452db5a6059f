// OpenFGA's `ipaddress` condition type (internal/condition/types/ipaddress.go): an IP parsed like Go's
// netip.ParseAddr (IPv4-mapped IPv6 addresses are unmapped), and `in_cidr` like netip.Prefix.Contains.
import { isIPv4, isIPv6 } from 'node:net';

export class IPAddress {
  /** 4 bytes for IPv4, 16 for IPv6. */
  readonly bytes: Uint8Array;
  readonly text: string;
  constructor(bytes: Uint8Array, text: string) {
    this.bytes = bytes;
    this.text = text;
  }
  toString(): string {
    return this.text;
  }
  equals(other: IPAddress): boolean {
    return this.bytes.length === other.bytes.length && this.bytes.every((b, i) => b === other.bytes[i]);
  }
}

/** Parses an IP address; undefined when malformed. */
export function parseIPAddress(text: string): IPAddress | undefined {
  if (isIPv4(text)) {
    const bytes = parseIPv4(text);
    return bytes && new IPAddress(bytes, text);
  }
  if (!isIPv6(text) || text.includes('%')) return undefined;
  const bytes = parseIPv6(text);
  if (!bytes) return undefined;
  if (isV4Mapped(bytes)) return new IPAddress(bytes.slice(12), Array.from(bytes.slice(12)).join('.'));
  return new IPAddress(bytes, text);
}

/** `ip` within the CIDR `prefix`; throws on a malformed prefix (an evaluation error in OpenFGA). */
export function ipInCidr(ip: IPAddress, cidr: string): boolean {
  const slash = cidr.indexOf('/');
  const bitsText = slash === -1 ? '' : cidr.slice(slash + 1);
  const network = slash === -1 ? undefined : parseIPAddressStrict(cidr.slice(0, slash));
  const bits = /^\d{1,3}$/.test(bitsText) ? Number(bitsText) : NaN;
  if (!network || Number.isNaN(bits) || bits > network.length * 8) {
    throw new Error(`'${cidr}' is a malformed CIDR string`);
  }
  if (network.length !== ip.bytes.length) return false;
  for (let bit = 0; bit < bits; bit++) {
    const byte = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if ((network[byte] & mask) !== (ip.bytes[byte] & mask)) return false;
  }
  return true;
}

// A prefix keeps its address family as written (no unmapping), as netip.ParsePrefix does.
function parseIPAddressStrict(text: string): Uint8Array | undefined {
  if (isIPv4(text)) return parseIPv4(text);
  if (isIPv6(text) && !text.includes('%')) return parseIPv6(text);
  return undefined;
}

function parseIPv4(text: string): Uint8Array | undefined {
  const parts = text.split('.');
  // Go rejects leading zeros ("010.0.0.1"), which node's isIPv4 also rejects; keep the check explicit.
  if (parts.length !== 4 || parts.some((p) => p.length > 1 && p.startsWith('0'))) return undefined;
  return Uint8Array.from(parts.map(Number));
}

function parseIPv6(text: string): Uint8Array | undefined {
  let head = text;
  let tail = '';
  const doubleColon = text.indexOf('::');
  if (doubleColon !== -1) {
    head = text.slice(0, doubleColon);
    tail = text.slice(doubleColon + 2);
  }
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === '' ? [] : tail.split(':');
  const words: number[] = [];
  const pushGroups = (groups: string[], out: number[]): boolean => {
    for (const g of groups) {
      if (g.includes('.')) {
        const v4 = parseIPv4(g);
        if (!v4) return false;
        out.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else {
        out.push(parseInt(g, 16));
      }
    }
    return true;
  };
  const tailWords: number[] = [];
  if (!pushGroups(headGroups, words) || !pushGroups(tailGroups, tailWords)) return undefined;
  const missing = 8 - words.length - tailWords.length;
  if (missing < 0 || (doubleColon === -1 && missing !== 0)) return undefined;
  const all = [...words, ...new Array(missing).fill(0), ...tailWords];
  const bytes = new Uint8Array(16);
  all.forEach((w, i) => {
    bytes[2 * i] = w >> 8;
    bytes[2 * i + 1] = w & 0xff;
  });
  return bytes;
}

function isV4Mapped(bytes: Uint8Array): boolean {
  for (let i = 0; i < 10; i++) if (bytes[i] !== 0) return false;
  return bytes[10] === 0xff && bytes[11] === 0xff;
}
