import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { MarsadError } from "../errors.js";

/**
 * A careful HTTP GET for feeds and article pages: http(s) only, a deadline,
 * a size cap, redirects followed by hand (each hop checked again), and no
 * requests to private, loopback or link-local addresses unless allowed. The
 * addresses checked are the ones connected to (no second DNS answer can
 * swap in an internal address). Every failure is an E_INPUT error naming
 * the URL and the reason.
 */

export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export interface FetchOptions {
  /** Whole request deadline, redirects and body included (default 15 s). */
  timeoutMs?: number;
  /** Largest body accepted, after decompression (default 5 MB). */
  maxBytes?: number;
  /** Redirects followed at most (default 5). */
  maxRedirects?: number;
  /** Allow private, loopback, link-local and unique-local addresses. */
  allowPrivate?: boolean;
  /** Conditional request: the ETag from the last response (If-None-Match). */
  etag?: string | null;
  /** Conditional request: the Last-Modified from the last response (If-Modified-Since). */
  modified?: string | null;
  /** Cancels the request (shutdown). */
  signal?: AbortSignal;
  accept?: string;
  userAgent?: string;
  /** Name resolution used for the address check (default dns.lookup, all addresses). */
  resolve?: Resolver;
}

export interface FetchResult {
  /** The URL finally answered, after redirects. */
  url: string;
  status: number;
  /** 304: the resource has not changed since the ETag / date sent; the body is empty. */
  notModified: boolean;
  body: Buffer;
  contentType: string | null;
  etag: string | null;
  modified: string | null;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;
const USER_AGENT = "marsad/0.1 (+https://github.com/marsad; Arabic news event coder)";
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const lookupAll = promisify(dnsLookup);
const defaultResolve: Resolver = (hostname) => lookupAll(hostname, { all: true, verbatim: true });

/** The URL as shown in messages: without user name or password. */
export function displayUrl(url: string | URL): string {
  try {
    const u = new URL(String(url));
    u.username = "";
    u.password = "";
    return u.href;
  } catch {
    return String(url);
  }
}

// ---------------------------------------------------------------------------
// Address classification

type Range4 = [base: number, bits: number, what: string];

const V4_RANGES: Range4[] = [
  [ip4("0.0.0.0"), 8, "an unspecified (0.0.0.0/8) address"],
  [ip4("10.0.0.0"), 8, "a private (10.0.0.0/8) address"],
  [ip4("100.64.0.0"), 10, "a shared carrier-grade NAT (100.64.0.0/10) address"],
  [ip4("127.0.0.0"), 8, "a loopback address"],
  [ip4("169.254.0.0"), 16, "a link-local (169.254.0.0/16) address"],
  [ip4("172.16.0.0"), 12, "a private (172.16.0.0/12) address"],
  [ip4("192.0.0.0"), 24, "an IETF protocol (192.0.0.0/24) address"],
  [ip4("192.168.0.0"), 16, "a private (192.168.0.0/16) address"],
  [ip4("198.18.0.0"), 15, "a benchmarking (198.18.0.0/15) address"],
  [ip4("224.0.0.0"), 4, "a multicast address"],
  [ip4("240.0.0.0"), 4, "a reserved (240.0.0.0/4) or broadcast address"],
];

function ip4(s: string): number {
  const parts = s.split(".").map(Number);
  return (((parts[0] ?? 0) << 24) | ((parts[1] ?? 0) << 16) | ((parts[2] ?? 0) << 8) | (parts[3] ?? 0)) >>> 0;
}

function inRange4(addr: number, base: number, bits: number): boolean {
  if (bits === 0) return true;
  const mask = (~0 << (32 - bits)) >>> 0;
  return (addr & mask) >>> 0 === (base & mask) >>> 0;
}

function classify4(addr: number): string | null {
  for (const [base, bits, what] of V4_RANGES) if (inRange4(addr, base, bits)) return what;
  return null;
}

/** An IPv6 address as eight 16-bit groups, or null if it does not parse. */
function parse6(input: string): number[] | null {
  let s = input.toLowerCase();
  const zone = s.indexOf("%");
  if (zone >= 0) s = s.slice(0, zone);
  let tail: number[] = [];
  // an embedded dotted IPv4 tail (::ffff:127.0.0.1)
  const lastColon = s.lastIndexOf(":");
  const maybeV4 = s.slice(lastColon + 1);
  if (maybeV4.includes(".")) {
    if (isIP(maybeV4) !== 4) return null;
    const v = ip4(maybeV4);
    tail = [v >>> 16, v & 0xffff];
    s = `${s.slice(0, lastColon + 1)}0:0`;
  }
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const group = (h: string): number[] | null => {
    if (h === "") return [];
    const out: number[] = [];
    for (const g of h.split(":")) {
      if (!/^[0-9a-f]{1,4}$/.test(g)) return null;
      out.push(Number.parseInt(g, 16));
    }
    return out;
  };
  const head = group(halves[0] ?? "");
  const rest = halves.length === 2 ? group(halves[1] ?? "") : [];
  if (!head || !rest) return null;
  let groups: number[];
  if (halves.length === 2) {
    const fill = 8 - head.length - rest.length;
    if (fill < 1) return null;
    groups = [...head, ...new Array<number>(fill).fill(0), ...rest];
  } else {
    groups = head;
  }
  if (groups.length !== 8) return null;
  if (tail.length) {
    groups[6] = tail[0] ?? 0;
    groups[7] = tail[1] ?? 0;
  }
  return groups;
}

function classify6(g: number[]): string | null {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const v4 = ((g6 << 16) | g7) >>> 0;
  const zeroTo4 = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (zeroTo4 && g5 === 0 && g6 === 0) {
    if (g7 === 0) return "the unspecified address (::)";
    if (g7 === 1) return "a loopback address";
  }
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and IPv4-translated (::ffff:0:a.b.c.d)
  if (zeroTo4 && (g5 === 0xffff || g5 === 0)) {
    const what = classify4(v4);
    return what ? `${what} (IPv4-mapped)` : null;
  }
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0xffff && g5 === 0) {
    const what = classify4(v4);
    return what ? `${what} (IPv4-translated)` : null;
  }
  // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address too
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) {
    const what = classify4(v4);
    return what ? `${what} (NAT64)` : null;
  }
  if (g0 === 0x2002) {
    const what = classify4(((g1 << 16) | g2) >>> 0);
    return what ? `${what} (6to4)` : null;
  }
  if ((g0 & 0xfe00) === 0xfc00) return "a unique-local (fc00::/7) address";
  if ((g0 & 0xffc0) === 0xfe80) return "a link-local (fe80::/10) address";
  if ((g0 & 0xffc0) === 0xfec0) return "a site-local (fec0::/10) address";
  if ((g0 & 0xff00) === 0xff00) return "a multicast address";
  return null;
}

/**
 * Why an IP address may not be fetched without `allowPrivate` (private,
 * loopback, link-local, unique-local, unspecified…), or null for a public one.
 * Anything that does not parse as an address is refused too.
 */
export function privateAddressReason(address: string): string | null {
  const a = address.replace(/^\[|\]$/g, "");
  const family = isIP(a.split("%")[0] ?? a);
  if (family === 4) return classify4(ip4(a));
  if (family === 6) {
    const groups = parse6(a);
    return groups ? classify6(groups) : "an address that cannot be parsed";
  }
  return "not an IP address";
}

// ---------------------------------------------------------------------------
// URL and host checks

/** Parses and checks a URL: http: or https: only. */
export function checkUrl(raw: string, where = raw): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new MarsadError("E_INPUT", "not a valid URL", displayUrl(where));
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new MarsadError(
      "E_INPUT",
      `only http: and https: URLs can be fetched (this one is ${url.protocol})`,
      displayUrl(where),
    );
  }
  if (!url.hostname) throw new MarsadError("E_INPUT", "the URL has no host", displayUrl(where));
  return url;
}

const ALLOW_HINT = "use --allow-private (allowPrivate) to fetch from private networks";

/**
 * The addresses a request to `url` may connect to: checked one by one, all of
 * them public (or `allowPrivate`). Returns null when the default lookup can
 * be used (private addresses allowed).
 */
async function resolveChecked(url: URL, opts: FetchOptions, where: string): Promise<LookupAddress[] | null> {
  if (opts.allowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const refuse = (why: string) =>
    new MarsadError("E_INPUT", `refused: ${why} (${ALLOW_HINT})`, displayUrl(where));
  const literal = isIP(host.split("%")[0] ?? host);
  if (literal) {
    const why = privateAddressReason(host);
    if (why) throw refuse(`${host} is ${why}`);
    return [{ address: host, family: literal }];
  }
  const name = host.toLowerCase().replace(/\.$/, "");
  if (name === "localhost" || name.endsWith(".localhost")) throw refuse(`${host} is a loopback host name`);
  let addresses: LookupAddress[];
  try {
    addresses = await (opts.resolve ?? defaultResolve)(host);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new MarsadError(
      "E_INPUT",
      code === "ENOTFOUND" || code === "EAI_NONAME"
        ? `cannot resolve the host ${host}`
        : `cannot resolve the host ${host} (${(err as Error).message})`,
      displayUrl(where),
    );
  }
  if (addresses.length === 0) {
    throw new MarsadError("E_INPUT", `cannot resolve the host ${host} (no addresses)`, displayUrl(where));
  }
  for (const a of addresses) {
    const why = privateAddressReason(a.address);
    if (why) throw refuse(`${host} resolves to ${a.address}, ${why}`);
  }
  return addresses;
}

/** A lookup that answers only with the addresses already checked. */
function pinnedLookup(addresses: LookupAddress[]): LookupFunction {
  return ((_hostname: string, options: unknown, callback: unknown) => {
    const cb = (typeof options === "function" ? options : callback) as (
      err: NodeJS.ErrnoException | null,
      address: string | LookupAddress[],
      family?: number,
    ) => void;
    const o = (typeof options === "object" && options ? options : {}) as { all?: boolean; family?: number };
    const family = o.family === 4 || o.family === 6 ? o.family : 0;
    const list = family ? addresses.filter((a) => a.family === family) : addresses;
    if (list.length === 0) {
      const err = new Error(`no IPv${family} address`) as NodeJS.ErrnoException;
      err.code = "ENOTFOUND";
      cb(err, o.all ? [] : "", undefined);
      return;
    }
    if (o.all) cb(null, list);
    else cb(null, list[0]?.address ?? "", list[0]?.family);
  }) as LookupFunction;
}

// ---------------------------------------------------------------------------
// One request

interface Hop {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

class Stop extends Error {}

const CHECKED = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
const OPEN = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };

function header(h: http.IncomingHttpHeaders, name: string): string | null {
  const v = h[name];
  if (Array.isArray(v)) return v[0] ?? null;
  return v ?? null;
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) ? 1 : 0)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(n % 1024 ? 1 : 0)} KB`;
  return `${n} bytes`;
}

function requestOnce(
  url: URL,
  addresses: LookupAddress[] | null,
  headers: Record<string, string>,
  signal: AbortSignal,
  maxBytes: number,
): Promise<Hop> {
  return new Promise<Hop>((resolve, reject) => {
    const mod = url.protocol === "https:" ? https : http;
    let settled = false;
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener("abort", onAbort);
      req.destroy();
      reject(err);
    };
    const done = (hop: Hop) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener("abort", onAbort);
      resolve(hop);
    };
    const onAbort = () => fail(new Stop("aborted"));
    // checked and unchecked requests never share a pooled connection
    const agent = (addresses ? CHECKED : OPEN)[url.protocol === "https:" ? "https" : "http"];
    const req = mod.request(url, {
      method: "GET",
      headers,
      agent,
      ...(addresses ? { lookup: pinnedLookup(addresses) } : {}),
    });
    req.on("error", fail);
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener("abort", onAbort, { once: true });
    req.on("response", (res) => {
      const status = res.statusCode ?? 0;
      if (REDIRECTS.has(status) || status === 304 || status < 200 || status >= 300) {
        // the body of a redirect, 304 or error page is not needed
        res.resume();
        res.on("error", () => {});
        done({ status, headers: res.headers, body: Buffer.alloc(0) });
        req.destroy();
        return;
      }
      const declared = Number(header(res.headers, "content-length"));
      const encoding = (header(res.headers, "content-encoding") ?? "identity").trim().toLowerCase();
      if (encoding === "identity" && Number.isFinite(declared) && declared > maxBytes) {
        res.resume();
        fail(
          new Stop(
            `the response is larger than the ${formatBytes(maxBytes)} limit (${formatBytes(declared)})`,
          ),
        );
        return;
      }
      let stream: NodeJS.ReadableStream = res;
      if (encoding === "gzip" || encoding === "x-gzip") stream = res.pipe(zlib.createGunzip());
      else if (encoding === "deflate") stream = res.pipe(zlib.createInflate());
      else if (encoding === "br") stream = res.pipe(zlib.createBrotliDecompress());
      else if (encoding !== "identity") {
        res.resume();
        fail(new Stop(`unsupported content encoding "${encoding}"`));
        return;
      }
      if (stream !== res) res.on("error", fail);
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          fail(new Stop(`the response is larger than the ${formatBytes(maxBytes)} limit`));
          if (stream !== res) (stream as NodeJS.ReadableStream & { destroy(): void }).destroy();
          res.destroy();
          return;
        }
        chunks.push(chunk);
      });
      stream.on("error", (err: Error) =>
        fail(stream === res ? err : new Stop(`cannot decompress the response (${err.message})`)),
      );
      res.on("aborted", () => fail(new Stop("the connection closed before the whole response arrived")));
      stream.on("end", () => {
        if (!res.complete) {
          fail(new Stop("the connection closed before the whole response arrived"));
          return;
        }
        done({ status, headers: res.headers, body: Buffer.concat(chunks, size) });
      });
    });
    req.end();
  });
}

function describeNetworkError(err: Error): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case "ECONNREFUSED":
      return "connection refused";
    case "ECONNRESET":
      return "connection reset by the server";
    case "ENOTFOUND":
    case "EAI_NONAME":
      return "cannot resolve the host";
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return "the host cannot be reached";
    case "ETIMEDOUT":
      return "the connection timed out";
    case "CERT_HAS_EXPIRED":
    case "DEPTH_ZERO_SELF_SIGNED_CERT":
    case "SELF_SIGNED_CERT_IN_CHAIN":
    case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
    case "ERR_TLS_CERT_ALTNAME_INVALID":
      return `TLS certificate error (${code}: ${err.message})`;
    default:
      return code ? `${err.message} (${code})` : err.message;
  }
}

// ---------------------------------------------------------------------------
// The fetcher

/** GETs a URL safely; see the module comment. A 304 answer is a result, not an error. */
export async function safeFetch(raw: string, opts: FetchOptions = {}): Promise<FetchResult> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const where = displayUrl(raw);
  let url = checkUrl(raw);

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onOuterAbort = () => controller.abort();
  if (opts.signal?.aborted) controller.abort();
  opts.signal?.addEventListener("abort", onOuterAbort, { once: true });

  const headers: Record<string, string> = {
    "user-agent": opts.userAgent ?? USER_AGENT,
    accept: opts.accept ?? "*/*",
    "accept-encoding": "gzip, deflate, br",
  };
  if (opts.etag) headers["if-none-match"] = opts.etag;
  if (opts.modified) headers["if-modified-since"] = opts.modified;

  const hopNote = (u: URL, hops: number) => (hops > 0 ? ` (after redirect to ${displayUrl(u)})` : "");
  let hops = 0;
  try {
    for (;;) {
      let hop: Hop;
      try {
        const addresses = await resolveChecked(url, opts, where);
        if (controller.signal.aborted) throw new Stop("aborted");
        hop = await requestOnce(url, addresses, headers, controller.signal, maxBytes);
      } catch (err) {
        if (err instanceof MarsadError) {
          if (hops === 0) throw err;
          const reason = err.message.startsWith(`${where}: `)
            ? err.message.slice(where.length + 2)
            : err.message;
          throw new MarsadError("E_INPUT", `${reason}${hopNote(url, hops)}`, where);
        }
        if (timedOut) {
          throw new MarsadError(
            "E_INPUT",
            `timed out after ${timeoutMs >= 1000 ? `${timeoutMs / 1000} s` : `${timeoutMs} ms`}${hopNote(url, hops)}`,
            where,
          );
        }
        if (controller.signal.aborted) throw new MarsadError("E_INPUT", "the request was cancelled", where);
        const reason = err instanceof Stop ? err.message : describeNetworkError(err as Error);
        throw new MarsadError("E_INPUT", `${reason}${hopNote(url, hops)}`, where);
      }
      if (REDIRECTS.has(hop.status)) {
        const location = header(hop.headers, "location");
        if (!location) {
          throw new MarsadError("E_INPUT", `HTTP ${hop.status} redirect without a Location`, where);
        }
        if (hops >= maxRedirects) {
          throw new MarsadError("E_INPUT", `too many redirects (more than ${maxRedirects})`, where);
        }
        hops++;
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          throw new MarsadError("E_INPUT", `redirect to an invalid URL ${JSON.stringify(location)}`, where);
        }
        if (next.protocol !== "http:" && next.protocol !== "https:") {
          throw new MarsadError(
            "E_INPUT",
            `refused: redirect to a ${next.protocol} URL (only http: and https: can be fetched)`,
            where,
          );
        }
        url = next;
        continue;
      }
      const result: FetchResult = {
        url: url.href,
        status: hop.status,
        notModified: hop.status === 304,
        body: hop.body,
        contentType: header(hop.headers, "content-type"),
        etag: header(hop.headers, "etag"),
        modified: header(hop.headers, "last-modified"),
      };
      if (hop.status === 304) return result;
      if (hop.status < 200 || hop.status >= 300) {
        const text = http.STATUS_CODES[hop.status];
        throw new MarsadError(
          "E_INPUT",
          `HTTP ${hop.status}${text ? ` ${text}` : ""}${hopNote(url, hops)}`,
          where,
        );
      }
      return result;
    }
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener("abort", onOuterAbort);
  }
}
