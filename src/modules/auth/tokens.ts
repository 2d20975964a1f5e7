import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { Role } from '../../platform/db/tables.ts';

const ISSUER = 'ladys-essence';
const AUDIENCE = 'ladys-essence-api';
const ALGORITHM = 'HS256';

export type AccessClaims = { userId: string; sessionId: string; role: Role };

/**
 * Short-lived signed access tokens. They carry the session id so the server can refuse a token
 * the moment its session is revoked; the signature alone is never enough.
 */
export function createAccessTokens(opts: { secret: Uint8Array; lifetimeSeconds: number; clock: () => Date }) {
  return {
    lifetimeSeconds: opts.lifetimeSeconds,

    async sign(claims: AccessClaims): Promise<string> {
      const now = Math.floor(opts.clock().getTime() / 1000);
      return new SignJWT({ sid: claims.sessionId, role: claims.role })
        .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
        .setSubject(claims.userId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(now)
        .setExpirationTime(now + opts.lifetimeSeconds)
        .sign(opts.secret);
    },

    /** Returns the claims, or undefined for any token that is forged, expired or not ours. */
    async verify(token: string): Promise<AccessClaims | undefined> {
      try {
        const { payload } = await jwtVerify(token, opts.secret, {
          algorithms: [ALGORITHM],
          issuer: ISSUER,
          audience: AUDIENCE,
          currentDate: opts.clock(),
          requiredClaims: ['sub', 'exp', 'iat'],
        });
        if (
          typeof payload.sub !== 'string' ||
          typeof payload.sid !== 'string' ||
          typeof payload.role !== 'string'
        ) {
          return undefined;
        }
        return { userId: payload.sub, sessionId: payload.sid, role: payload.role as Role };
      } catch (error) {
        if (error instanceof joseErrors.JOSEError || error instanceof TypeError) return undefined;
        throw error;
      }
    },
  };
}
export type AccessTokens = ReturnType<typeof createAccessTokens>;
