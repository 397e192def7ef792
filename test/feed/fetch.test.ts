import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MarsadError } from "../../src/errors.js";
import { privateAddressReason, safeFetch } from "../../src/feed/fetch.js";
import { type FeedServer, startFeedServer } from "./server.js";

/** The error a promise rejects with (fails the test if it resolves). */
async function failure(p: Promise<unknown>): Promise<MarsadError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(MarsadError);
    return err as MarsadError;
  }
  throw new Error("expected the fetch to fail");
}

describe("safeFetch", () => {
  let srv: FeedServer;
  beforeAll(async () => {
    srv = await startFeedServer();
  });
  afterAll(async () => {
    await srv.close();
  });

  it.each([
    ["file:///etc/passwd", "file:"],
    ["ftp://example.com/feed.xml", "ftp:"],
    ["data:text/plain,hello", "data:"],
    ["javascript:alert(1)", "javascript:"],
  ])("refuses %s", async (url, scheme) => {
    const err = await failure(safeFetch(url, { allowPrivate: true }));
    expect(err.code).toBe("E_INPUT");
    expect(err.message).toContain(url.slice(0, 10));
    expect(err.message).toContain(`only http: and https: URLs can be fetched (this one is ${scheme})`);
  });

  it("refuses what is not a URL", async () => {
    const err = await failure(safeFetch("not a url"));
    expect(err.format()).toBe("E_INPUT: not a url: not a valid URL");
  });

  // refused before any connection: none of these is ever contacted
  it.each([
    ["http://127.0.0.1/", "loopback"],
    ["http://127.8.9.10:8080/x", "loopback"],
    ["http://localhost/", "loopback host name"],
    ["http://LOCALHOST./", "loopback host name"],
    ["http://api.localhost/", "loopback host name"],
    ["http://[::1]/", "loopback"],
    ["http://[::ffff:127.0.0.1]/", "loopback address (IPv4-mapped)"],
    ["http://[::ffff:a9fe:a9fe]/", "link-local"],
    ["http://169.254.169.254/latest/meta-data/", "link-local"],
    ["http://10.0.0.1/", "private (10.0.0.0/8)"],
    ["http://172.20.1.1/", "private (172.16.0.0/12)"],
    ["http://192.168.1.1/", "private (192.168.0.0/16)"],
    ["http://100.64.0.1/", "carrier-grade NAT"],
    ["http://0.0.0.0/", "unspecified"],
    ["http://2130706433/", "loopback"], // 127.0.0.1 written as one number
    ["http://0x7f.1/", "loopback"],
    ["http://[fd12:3456::1]/", "unique-local"],
    ["http://[fe80::1]/", "link-local"],
    ["http://[::]/", "unspecified"],
  ])("refuses %s without allowPrivate", async (url, why) => {
    const err = await failure(safeFetch(url, { timeoutMs: 2000 }));
    expect(err.code).toBe("E_INPUT");
    expect(err.message).toContain("refused:");
    expect(err.message).toContain(why);
    expect(err.message).toContain("--allow-private");
  });

  it("does not contact a private server at all without allowPrivate", async () => {
    const before = srv.hits.get("/rss.xml") ?? 0;
    const err = await failure(safeFetch(`${srv.base}/rss.xml`));
    expect(err.message).toContain(`${srv.base}/rss.xml: refused: 127.0.0.1 is a loopback address`);
    expect(srv.hits.get("/rss.xml") ?? 0).toBe(before);
  });

  it("checks every address a host name resolves to", async () => {
    // a fake resolver: nothing is connected to, the check fails first
    const resolve = async () => [
      { address: "93.184.216.34", family: 4 },
      { address: "10.1.2.3", family: 4 },
    ];
    const err = await failure(safeFetch("http://news.example/feed.xml", { resolve }));
    expect(err.message).toContain("news.example resolves to 10.1.2.3, a private (10.0.0.0/8) address");
    const v6 = async () => [{ address: "::ffff:169.254.169.254", family: 6 }];
    const err6 = await failure(safeFetch("https://metadata.example/", { resolve: v6 }));
    expect(err6.message).toContain("link-local");
    const none = async () => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND nowhere.example"), { code: "ENOTFOUND" });
    };
    const err404 = await failure(safeFetch("http://nowhere.example/", { resolve: none }));
    expect(err404.message).toContain("cannot resolve the host nowhere.example");
  });

  it("fetches from loopback with allowPrivate, and says 304 to a matching ETag", async () => {
    srv.rssItems = [];
    const first = await safeFetch(`${srv.base}/rss.xml`, { allowPrivate: true });
    expect(first.status).toBe(200);
    expect(first.body.toString("utf8")).toContain("<rss");
    expect(first.etag).toMatch(/^"[0-9a-f]+"$/);
    expect(first.contentType).toContain("rss");
    const again = await safeFetch(`${srv.base}/rss.xml`, { allowPrivate: true, etag: first.etag });
    expect(again.notModified).toBe(true);
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(srv.lastHeaders.get("/rss.xml")?.["if-none-match"]).toBe(first.etag);
  });

  it("sends If-Modified-Since", async () => {
    const r = await safeFetch(`${srv.base}/atom.xml`, { allowPrivate: true, modified: srv.atomModified });
    expect(r.notModified).toBe(true);
    expect(srv.lastHeaders.get("/atom.xml")?.["if-modified-since"]).toBe(srv.atomModified);
  });

  it("decompresses gzip", async () => {
    const r = await safeFetch(`${srv.base}/gzip-ok`, { allowPrivate: true });
    expect(r.body.toString("utf8")).toBe("مرحبا بالعالم");
  });

  it("reports HTTP errors", async () => {
    const err = await failure(safeFetch(`${srv.base}/news/broken.html`, { allowPrivate: true }));
    expect(err.format()).toBe(`E_INPUT: ${srv.base}/news/broken.html: HTTP 500 Internal Server Error`);
    const missing = await failure(safeFetch(`${srv.base}/nothing-here`, { allowPrivate: true }));
    expect(missing.message).toContain("HTTP 404 Not Found");
  });

  it("reports a refused connection", async () => {
    // a port that was free a moment ago
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const err = await failure(safeFetch(`http://127.0.0.1:${port}/`, { allowPrivate: true }));
    expect(err.message).toContain("connection refused");
  });

  describe("size limit", () => {
    it("refuses a declared Content-Length over the limit without reading it", async () => {
      const err = await failure(
        safeFetch(`${srv.base}/big-declared`, { allowPrivate: true, maxBytes: 10_000 }),
      );
      expect(err.message).toContain("larger than the 9.8 KB limit");
    });

    it("stops reading a chunked body past the limit", async () => {
      const err = await failure(
        safeFetch(`${srv.base}/big-chunked`, { allowPrivate: true, maxBytes: 10_000 }),
      );
      expect(err.message).toContain("larger than the 9.8 KB limit");
      const ok = await safeFetch(`${srv.base}/big-chunked`, { allowPrivate: true, maxBytes: 100_000 });
      expect(ok.body.length).toBe(100_000);
    });

    it("counts decompressed bytes (a gzip bomb is refused)", async () => {
      const err = await failure(
        safeFetch(`${srv.base}/gzip-bomb`, { allowPrivate: true, maxBytes: 100_000 }),
      );
      expect(err.message).toContain("larger than the");
    });

    it("has a 5 MB default", async () => {
      const err = await failure(safeFetch(`${srv.base}/huge-chunked`, { allowPrivate: true }));
      expect(err.message).toContain("larger than the 5 MB limit");
    });
  });

  describe("timeout", () => {
    it("gives up on a server that never answers", async () => {
      const t0 = Date.now();
      const err = await failure(
        safeFetch(`${srv.base}/slow-headers`, { allowPrivate: true, timeoutMs: 300 }),
      );
      expect(err.format()).toBe(`E_INPUT: ${srv.base}/slow-headers: timed out after 300 ms`);
      expect(Date.now() - t0).toBeLessThan(5000);
    });

    it("gives up on a body that stops half-way", async () => {
      const err = await failure(safeFetch(`${srv.base}/slow-body`, { allowPrivate: true, timeoutMs: 300 }));
      expect(err.message).toContain("timed out after 300 ms");
    });

    it("stops when the caller's signal fires", async () => {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const err = await failure(
        safeFetch(`${srv.base}/slow-headers`, { allowPrivate: true, signal: controller.signal }),
      );
      expect(err.message).toContain("cancelled");
    });
  });

  describe("redirects", () => {
    it("follows up to 5", async () => {
      const r = await safeFetch(`${srv.base}/redirect/5`, { allowPrivate: true });
      expect(r.body.toString()).toBe("arrived");
      expect(r.url).toBe(`${srv.base}/redirect/0`);
    });

    it("refuses a sixth", async () => {
      const err = await failure(safeFetch(`${srv.base}/redirect/6`, { allowPrivate: true }));
      expect(err.format()).toBe(`E_INPUT: ${srv.base}/redirect/6: too many redirects (more than 5)`);
      const loop = await failure(safeFetch(`${srv.base}/redirect-loop`, { allowPrivate: true }));
      expect(loop.message).toContain("too many redirects");
      const none = await failure(
        safeFetch(`${srv.base}/redirect/1`, { allowPrivate: true, maxRedirects: 0 }),
      );
      expect(none.message).toContain("too many redirects (more than 0)");
    });

    it("checks each hop again", async () => {
      const err = await failure(safeFetch(`${srv.base}/redirect-file`, { allowPrivate: true }));
      expect(err.message).toContain("refused: redirect to a file: URL");
      const bare = await failure(safeFetch(`${srv.base}/redirect-nowhere`, { allowPrivate: true }));
      expect(bare.message).toContain("redirect without a Location");
    });
  });
});

describe("privateAddressReason", () => {
  it.each([
    "127.0.0.1",
    "10.255.255.255",
    "172.31.0.1",
    "192.168.0.1",
    "169.254.169.254",
    "100.127.255.254",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "::1",
    "0:0:0:0:0:0:0:1",
    "::",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:10.0.0.1",
    "::ffff:0:a00:1",
    "::127.0.0.1",
    "64:ff9b::a9fe:a9fe",
    "2002:a00:1::1",
    "fc00::1",
    "fdff:ffff::1",
    "fe80::1",
    "fe80::1%eth0",
    "febf::1",
    "ff02::1",
    "[::1]",
  ])("%s is not public", (ip) => {
    expect(privateAddressReason(ip)).not.toBeNull();
  });

  it.each([
    "8.8.8.8",
    "93.184.216.34",
    "172.32.0.1",
    "100.128.0.1",
    "2001:4860:4860::8888",
    "2a00:1450:4001:80b::200e",
    "::ffff:8.8.8.8",
    "64:ff9b::808:808",
  ])("%s is public", (ip) => {
    expect(privateAddressReason(ip)).toBeNull();
  });

  it("refuses what is not an address", () => {
    expect(privateAddressReason("example.com")).toBe("not an IP address");
  });
});
