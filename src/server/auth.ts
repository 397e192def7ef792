import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";

/**
 * Token checks: write endpoints always need MARSAD_TOKEN (sent as
 * "Authorization: Bearer …"); with `--auth read` reads need it too. Tokens are
 * compared in constant time (on their SHA-256 digests, so length leaks nothing).
 */

export type AuthMode = "write" | "read";

function digest(s: string): Buffer {
  return createHash("sha256").update(s).digest();
}

export function tokenMatches(given: string | undefined, expected: string): boolean {
  return timingSafeEqual(digest(given ?? ""), digest(expected)) && given !== undefined;
}

function bearer(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  const m = typeof h === "string" ? h.match(/^Bearer\s+(.+)$/i) : null;
  return m?.[1]?.trim();
}

/** A preHandler that admits requests carrying the token; none configured means refused. */
export function requireToken(token: string | undefined, what: string) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (!token)
      return reply.code(403).send({ error: `${what} are disabled: start the server with MARSAD_TOKEN set` });
    if (!tokenMatches(bearer(req), token)) {
      return reply
        .code(401)
        .header("www-authenticate", 'Bearer realm="marsad"')
        .send({ error: "a valid token is required (Authorization: Bearer …)" });
    }
  };
}
