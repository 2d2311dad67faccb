import dns from "node:dns";
import net from "node:net";

/**
 * The SSRF guard of the webhooks (issue 14): a receiver's URL must not reach into the server's own
 * network (loopback, private ranges, link-local, the cloud metadata address 169.254.169.254…)
 * unless an administrator allowed it for that webhook. Checked twice: when the URL is saved (an IP
 * literal or a local name), and on every attempt at the address the name resolves to then, by the
 * connection's own lookup, so a name that resolves to a public address when saved and to a private
 * one later (DNS rebinding) is refused at the moment it matters.
 */

const blocked = new net.BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["2001:db8::", 32],
] as const) {
  blocked.addSubnet(network, prefix, "ipv6");
}

/** Whether an IP address is loopback, private, link-local, reserved or multicast. */
export function isPrivateAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family !== 6) return true;
  const lower = address.toLowerCase();
  // An IPv4 address written as IPv6 (::ffff:10.0.0.1, ::ffff:a00:1) is that IPv4 address.
  const mapped = /^::ffff:(.+)$/.exec(lower)?.[1];
  if (mapped) {
    if (net.isIP(mapped) === 4) return blocked.check(mapped, "ipv4");
    const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(mapped);
    if (hex) {
      const n = (Number.parseInt(hex[1] as string, 16) << 16) | Number.parseInt(hex[2] as string, 16);
      const v4 = [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
      return blocked.check(v4, "ipv4");
    }
    return true;
  }
  return blocked.check(lower, "ipv6");
}

const LOCAL_NAMES = /(^|\.)(localhost|local|internal|localdomain|home\.arpa)$/i;

/** The host of a URL as the network sees it (no brackets around IPv6, no trailing dot). */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, "").replace(/\.$/, "");
}

/**
 * Whether a URL's host is local on its face: an IP literal in a blocked range, or a name that only
 * the local network resolves (localhost, *.local, *.internal). A public name is checked when used.
 */
export function isLocalHost(url: URL): boolean {
  const host = hostOf(url);
  if (net.isIP(host)) return isPrivateAddress(host);
  return LOCAL_NAMES.test(host) || !host.includes(".");
}

export class PrivateAddressError extends Error {
  readonly code = "EWEBHOOKPRIVATE";
  constructor(readonly address: string) {
    super(`endereço da rede local recusado: ${address}`);
  }
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | dns.LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for http.request that resolves as usual and refuses a private address (the error
 * aborts the connection before a byte is sent).
 */
export function guardedLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, "", 0);
    const list = addresses as dns.LookupAddress[];
    const refused = list.find((a) => isPrivateAddress(a.address));
    if (refused) return callback(new PrivateAddressError(refused.address), "", 0);
    if (options.all) return callback(null, list);
    const first = list[0];
    if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" }), "", 0);
    callback(null, first.address, first.family);
  });
}
