import { createHmac, createSecretKey, randomBytes } from 'node:crypto';

/** A refresh token as the client holds it, `<session id>.<secret>`: opaque to every client. */
export type RefreshToken = { sessionId: string; secret: string };

// randomUUID()'s lower-case form, then 32 bytes in base64url: anything else was not issued here.
const FORMAT = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

/**
 * Refresh tokens under a server key that never enters the database (decision 015). The stored
 * value is a MAC of the secret bound to its session and that session's owner, so whoever can
 * write the database but lacks the key can neither plant a token, nor move one to another
 * session, nor hand a session to another account. A successor is derived from its parent, so a
 * retried refresh can be answered with the same successor without storing any secret.
 */
export function createRefreshTokenCodec(key: Uint8Array) {
  // One key object for the process (see blind-index.ts for why).
  const secretKey = createSecretKey(key);
  // Every part is a UUID or base64url, none holds a NUL: the joined input is unambiguous.
  const mac = (label: string, ...parts: string[]) =>
    createHmac('sha256', secretKey)
      .update([label, ...parts].join('\u0000'), 'utf8')
      .digest();

  return {
    /** A new session's first token. */
    issue(sessionId: string): RefreshToken {
      return { sessionId, secret: randomBytes(32).toString('base64url') };
    },

    /** The token, or undefined for anything that cannot be one of ours (no database lookup then). */
    parse(text: string): RefreshToken | undefined {
      const match = FORMAT.exec(text);
      return match?.[1] && match[2] ? { sessionId: match[1], secret: match[2] } : undefined;
    },

    format(token: RefreshToken): string {
      return `${token.sessionId}.${token.secret}`;
    },

    /** What `refresh_tokens.token_hash` holds for this token while `userId` owns its session. */
    storedValue(token: RefreshToken, userId: string): Buffer {
      return mac('stored', token.sessionId, userId, token.secret);
    },

    /** The one token that replaces `token`: the same every time it is asked for. */
    successorOf(token: RefreshToken, userId: string): RefreshToken {
      return {
        sessionId: token.sessionId,
        secret: mac('next', token.sessionId, userId, token.secret).toString('base64url'),
      };
    },
  };
}
export type RefreshTokenCodec = ReturnType<typeof createRefreshTokenCodec>;
