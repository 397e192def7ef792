import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { gzipSync } from "node:zlib";

/**
 * A local news site for the feed tests, on 127.0.0.1 only: an RSS feed
 * (validated by ETag) and an Atom feed (validated by Last-Modified) whose
 * items point at small Arabic article pages, plus misbehaving endpoints
 * (huge, slow, redirecting, failing) for the fetcher's limits.
 */

export interface FeedItemSpec {
  guid: string;
  title: string;
  /** Absolute or relative (resolved by the poller against the feed URL). */
  link: string;
  date: string;
  /** Feed-carried text (RSS description / Atom summary), if any. */
  description?: string;
}

export interface PageSpec {
  title: string;
  paragraphs: string[];
}

/** Pages: name → article. The texts are written for these tests. */
export const PAGES: Record<string, PageSpec> = {
  "visit-cairo": {
    title: "وزير الخارجية الأردني يزور القاهرة",
    paragraphs: [
      "وصل وزير الخارجية الأردني إلى القاهرة صباح الاثنين في زيارة رسمية تستغرق يومين.",
      "واستقبل وزير الخارجية المصري نظيره الأردني في مقر الوزارة، وبحث الجانبان سبل تعزيز التعاون الاقتصادي بين البلدين.",
      "وقال الوزير المصري في مؤتمر صحفي إن المحادثات كانت مثمرة، وإن الجانبين اتفقا على عقد اجتماع للجنة المشتركة قبل نهاية العام.",
    ],
  },
  "tunis-condemns": {
    title: "الحكومة التونسية تدين الهجوم على قافلة الإغاثة",
    paragraphs: [
      "أدانت الحكومة التونسية يوم الثلاثاء الهجوم الذي استهدف قافلة إغاثة قرب الحدود.",
      "ودعت وزارة الخارجية التونسية في بيان إلى فتح تحقيق عاجل ومحاسبة المسؤولين عن الهجوم.",
      "وأكد البيان أن تونس ستواصل دعم الجهود الإنسانية في المنطقة.",
    ],
  },
  "doha-talks": {
    title: "قطر تستضيف جولة جديدة من المحادثات",
    paragraphs: [
      "أعلنت وزارة الخارجية القطرية أن الدوحة ستستضيف الأسبوع المقبل جولة جديدة من المحادثات بين الأطراف السودانية.",
      "وقال المتحدث باسم الوزارة إن الوفود ستصل تباعا، وإن الوساطة القطرية تهدف إلى التوصل إلى وقف لإطلاق النار.",
    ],
  },
  "rabat-agreement": {
    title: "المغرب وموريتانيا يوقعان اتفاقية للتعاون",
    paragraphs: [
      "وقع المغرب وموريتانيا في الرباط يوم الأربعاء اتفاقية للتعاون في مجال الطاقة.",
      "وحضر مراسم التوقيع رئيس الحكومة المغربية ووزير الطاقة الموريتاني.",
    ],
  },
  "amman-meeting": {
    title: "اجتماع عربي في عمان لبحث أزمة المياه",
    paragraphs: [
      "عقد وزراء المياه العرب اجتماعا في عمان يوم الخميس لبحث أزمة شح المياه في المنطقة.",
      "واتفق الوزراء على إنشاء صندوق مشترك لتمويل مشاريع تحلية المياه.",
    ],
  },
  "beirut-aid": {
    title: "الاتحاد الأوروبي يقدم مساعدات للبنان",
    paragraphs: [
      "أعلن الاتحاد الأوروبي يوم الجمعة تقديم مساعدات إنسانية جديدة للبنان.",
      "وقالت بعثة الاتحاد في بيروت إن المساعدات ستوجه إلى قطاعي الصحة والتعليم.",
    ],
  },
};

/** A news page around the article: navigation, script and footer the extractor must drop. */
export function pageHtml(p: PageSpec): string {
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${p.title} | أخبار التجربة</title>
<script>var ad = "إعلان تجاري";</script></head><body>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/politics">سياسة</a></li><li><a href="/sport">رياضة</a></li></ul></nav>
<article><h1>${p.title}</h1>${p.paragraphs.map((x) => `<p>${x}</p>`).join("\n")}</article>
<footer><p>جميع الحقوق محفوظة لموقع التجربة</p></footer></body></html>`;
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function rssXml(base: string, title: string, items: FeedItemSpec[]): string {
  const body = items
    .map(
      (i) => `<item>
  <title>${esc(i.title)}</title>
  <link>${esc(i.link.startsWith("/") ? base + i.link : i.link)}</link>
  <guid isPermaLink="false">${esc(i.guid)}</guid>
  <pubDate>${new Date(i.date).toUTCString()}</pubDate>
  ${i.description ? `<description>${esc(i.description)}</description>` : ""}
</item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${esc(title)}</title><link>${base}/</link>
<description>أخبار للاختبار</description>
${body}
</channel></rss>`;
}

export function atomXml(base: string, title: string, items: FeedItemSpec[]): string {
  const body = items
    .map(
      (i) => `<entry>
  <title>${esc(i.title)}</title>
  <link rel="alternate" href="${esc(i.link)}"/>
  <id>${esc(i.guid)}</id>
  <published>${i.date}</published>
  <updated>${i.date}</updated>
  ${i.description ? `<summary>${esc(i.description)}</summary>` : ""}
</entry>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${esc(title)}</title>
<id>${base}/atom.xml</id><updated>2024-06-01T00:00:00Z</updated>
<link rel="self" href="${base}/atom.xml"/>
${body}
</feed>`;
}

export interface FeedServer {
  base: string;
  port: number;
  rssItems: FeedItemSpec[];
  atomItems: FeedItemSpec[];
  /** Last-Modified of the Atom feed: change it when its items change. */
  atomModified: string;
  /** When set, /flaky.xml answers with this status instead of the RSS feed. */
  flakyStatus: number | null;
  /** Requests per path. */
  hits: Map<string, number>;
  /** Request headers per path, last request. */
  lastHeaders: Map<string, IncomingMessage["headers"]>;
  /** 304 answers given, per path. */
  notModified: Map<string, number>;
  close(): Promise<void>;
}

export const RSS_TITLE = "وكالة أنباء التجربة";
export const ATOM_TITLE = "نشرة التجربة";

export async function startFeedServer(): Promise<FeedServer> {
  const sockets = new Set<Socket>();
  const state = {
    rssItems: [] as FeedItemSpec[],
    atomItems: [] as FeedItemSpec[],
    atomModified: "Sat, 01 Jun 2024 00:00:00 GMT",
    flakyStatus: null as number | null,
    hits: new Map<string, number>(),
    lastHeaders: new Map<string, IncomingMessage["headers"]>(),
    notModified: new Map<string, number>(),
  };
  let base = "";

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    state.hits.set(path, (state.hits.get(path) ?? 0) + 1);
    state.lastHeaders.set(path, req.headers);
    const send = (
      status: number,
      type: string,
      body: string | Buffer,
      headers: Record<string, string> = {},
    ) => {
      const buf = typeof body === "string" ? Buffer.from(body, "utf8") : body;
      res.writeHead(status, { "content-type": type, "content-length": String(buf.length), ...headers });
      res.end(buf);
    };
    const notModified = (headers: Record<string, string>) => {
      state.notModified.set(path, (state.notModified.get(path) ?? 0) + 1);
      res.writeHead(304, headers);
      res.end();
    };

    if (path === "/rss.xml" || (path === "/flaky.xml" && state.flakyStatus === null)) {
      const xml = rssXml(base, RSS_TITLE, state.rssItems);
      const etag = `"${createHash("sha1").update(xml).digest("hex").slice(0, 16)}"`;
      if (req.headers["if-none-match"] === etag) return notModified({ etag });
      return send(200, "application/rss+xml; charset=utf-8", xml, { etag });
    }
    if (path === "/flaky.xml") return send(state.flakyStatus ?? 500, "text/plain", "down for maintenance");
    if (path === "/atom.xml") {
      if (req.headers["if-modified-since"] === state.atomModified) {
        return notModified({ "last-modified": state.atomModified });
      }
      const xml = atomXml(base, ATOM_TITLE, state.atomItems);
      return send(200, "application/atom+xml", xml, { "last-modified": state.atomModified });
    }
    if (path === "/not-a-feed.xml") return send(200, "text/html", "<html><body>لا شيء هنا</body></html>");
    const page = path.match(/^\/news\/([a-z0-9-]+)\.html$/);
    if (page) {
      if (page[1]?.startsWith("broken")) return send(500, "text/plain", "internal error");
      const spec = PAGES[page[1] ?? ""];
      if (!spec) return send(404, "text/plain", "not found");
      return send(200, "text/html; charset=utf-8", pageHtml(spec));
    }
    if (path === "/plain.txt") return send(200, "text/plain; charset=utf-8", "نص عربي قصير.");
    if (path === "/big-declared") return send(200, "text/plain", Buffer.alloc(100_000, 0x61));
    if (path === "/big-chunked" || path === "/huge-chunked") {
      // no Content-Length: the size is only known by reading
      const total = path === "/huge-chunked" ? 6 * 1024 * 1024 : 100_000;
      res.writeHead(200, { "content-type": "text/plain" });
      const chunk = Buffer.alloc(64 * 1024, 0x62);
      let sent = 0;
      const pump = () => {
        while (sent < total) {
          const part = chunk.subarray(0, Math.min(chunk.length, total - sent));
          sent += part.length;
          if (!res.write(part)) {
            res.once("drain", pump);
            return;
          }
        }
        res.end();
      };
      pump();
      return;
    }
    if (path === "/gzip-bomb") {
      // small on the wire, 1 MB once decompressed
      return send(200, "text/plain", gzipSync(Buffer.alloc(1024 * 1024, 0x20)), {
        "content-encoding": "gzip",
      });
    }
    if (path === "/gzip-ok") {
      return send(200, "text/plain; charset=utf-8", gzipSync(Buffer.from("مرحبا بالعالم", "utf8")), {
        "content-encoding": "gzip",
      });
    }
    if (path === "/slow-headers") return; // never answers
    if (path === "/slow-body") {
      res.writeHead(200, { "content-type": "text/plain", "content-length": "1000" });
      res.write("partial");
      return; // never finishes
    }
    const redirect = path.match(/^\/redirect\/(\d+)$/);
    if (redirect) {
      const n = Number(redirect[1]);
      if (n === 0) return send(200, "text/plain", "arrived");
      res.writeHead(302, { location: `/redirect/${n - 1}` });
      return res.end();
    }
    if (path === "/redirect-loop") {
      res.writeHead(301, { location: `${base}/redirect-loop` });
      return res.end();
    }
    if (path === "/redirect-file") {
      res.writeHead(302, { location: "file:///etc/passwd" });
      return res.end();
    }
    if (path === "/redirect-nowhere") {
      res.writeHead(302);
      return res.end();
    }
    send(404, "text/plain", "not found");
  };

  const server = createServer(handle);
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;

  return Object.assign(state, {
    base,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  });
}
