import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { registerFeed } from "../../src/cli/feed.js";
import { MarsadError } from "../../src/errors.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import { ROOT } from "../helpers/cli.js";
import { type FeedServer, PAGES, startFeedServer } from "./server.js";

/**
 * `marsad feed`. The feed server runs in this process, so the CLI child is
 * run asynchronously (runCli's spawnSync would block the server's loop).
 */

interface Result {
  status: number;
  stdout: string;
  stderr: string;
}

function runCliAsync(args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [`${ROOT}bin/marsad.js`, ...args],
      { cwd: ROOT, encoding: "utf8", timeout: 60_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === "number" ? err.code : -1) : 0;
        resolve({ status: code, stdout, stderr });
      },
    );
  });
}

let srv: FeedServer;
const dir = mkdtempSync(join(tmpdir(), "marsad-feed-"));

beforeAll(async () => {
  srv = await startFeedServer();
  srv.rssItems = [
    {
      guid: "cli-1",
      title: PAGES["visit-cairo"]!.title,
      link: "/news/visit-cairo.html",
      date: "2024-06-03T08:00:00Z",
    },
    {
      guid: "cli-2",
      title: PAGES["doha-talks"]!.title,
      link: "/news/doha-talks.html",
      date: "2024-06-05T07:00:00Z",
    },
  ];
});
afterAll(async () => {
  await srv.close();
});

describe("registerFeed (in process)", () => {
  let stderr = "";
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
    stderr = "";
  });

  async function run(args: string[]): Promise<void> {
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });
    const program = new Command("marsad").exitOverride();
    registerFeed(program);
    await program.parseAsync(["node", "marsad", "feed", ...args]);
  }

  it("--once polls, stores and prints one summary line", async () => {
    const db = join(dir, "inproc.db");
    await run([`${srv.base}/rss.xml`, "--once", "--allow-private", "--db", db]);
    expect(stderr).toMatch(
      /^marsad feed: poll 1: 1 feed in \d+\.\d s, 2 items, 2 new, 0 unchanged, 0 failed, 0 not modified\n$/,
    );
    expect(process.exitCode).toBe(0);
    const store = new SqliteStore(db);
    expect(await store.countArticles()).toBe(2);
    await store.close();
  });

  it("reports a refused private feed and exits 1", async () => {
    await run([`${srv.base}/rss.xml`, "--once", "--db", join(dir, "refused.db")]);
    expect(stderr).toContain("E_INPUT");
    expect(stderr).toContain("refused: 127.0.0.1 is a loopback address");
    expect(process.exitCode).toBe(1);
  });

  it.each([["5x"], ["15"], ["0s"], ["1d"]])("refuses --every %s as a usage error", async (every) => {
    const err = await run([`${srv.base}/rss.xml`, "--every", every, "--db", join(dir, "x.db")]).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(MarsadError);
    expect((err as MarsadError).code).toBe("E_USAGE");
    expect((err as MarsadError).message).toContain(`--every "${every}"`);
  });

  it("refuses a feed URL that is not http(s) as a usage error", async () => {
    const err = await run(["ftp://example.com/feed", "--once", "--db", join(dir, "x.db")]).catch(
      (e: unknown) => e,
    );
    expect((err as MarsadError).code).toBe("E_USAGE");
    expect((err as MarsadError).message).toContain("ftp://example.com/feed");
  });
});

// Runs the built CLI (npm run build first); needs `feed` registered in src/cli/main.ts.
describe("marsad feed (built CLI)", () => {
  const db = join(dir, "cli.db");

  it("polls once and exits", async () => {
    const r = await runCliAsync(["feed", `${srv.base}/rss.xml`, "--once", "--allow-private", "--db", db]);
    expect(r.stderr).toMatch(
      /marsad feed: poll 1: 1 feed in \d+\.\d s, 2 items, 2 new, 0 unchanged, 0 failed/,
    );
    expect(r.status).toBe(0);
    const again = await runCliAsync(["feed", `${srv.base}/rss.xml`, "--once", "--allow-private", "--db", db]);
    expect(again.stderr).toContain("0 new");
    expect(again.stderr).toContain("1 not modified");
    expect(again.status).toBe(0);
    const s = await runCliAsync(["search", "القاهرة", "--db", db]);
    expect(s.status).toBe(0);
    expect(s.stdout).toContain("feed-");
  });

  it("exits 2 on a bad --every", async () => {
    const r = await runCliAsync(["feed", `${srv.base}/rss.xml`, "--every", "soon", "--db", db]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('E_USAGE: --every "soon" must be a duration like 30s, 15m or 1h');
  });
});
