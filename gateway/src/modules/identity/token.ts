import { jwtVerify, SignJWT } from 'jose';
import { LRUCache } from 'lru-cache';

const ISSUER = 'marketgate';

/** Tokens whose signature was already checked; the session row is still read every request. */
const VERIFIED_TOKENS = 10_000;

export interface TokenClaims {
  userId: number;
  sessionId: string;
}

/**
 * Signed bearer tokens (HS256 JWT) naming a session row, so logout revokes them everywhere.
 * A signature, once verified, is remembered until the token expires: checking it is pure CPU
 * (WebCrypto HMAC) on every request, while whether the session still exists is always asked
 * of the database, so nothing here outlives a logout.
 */
export class TokenSigner {
  private readonly key: Uint8Array;
  private readonly verified = new LRUCache<string, { claims: TokenClaims; expiresAt: number }>({
    max: VERIFIED_TOKENS,
  });

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  sign(claims: TokenClaims, expiresAt: Date): Promise<string> {
    return new SignJWT({ sid: claims.sessionId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(String(claims.userId))
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
  }

  /** The claims of a valid, unexpired token; null for anything else. */
  async verify(token: string): Promise<TokenClaims | null> {
    const known = this.verified.get(token);
    if (known && known.expiresAt > Date.now()) return known.claims;
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        algorithms: ['HS256'],
      });
      const userId = Number(payload.sub);
      if (!Number.isSafeInteger(userId) || typeof payload.sid !== 'string') return null;
      const claims = { userId, sessionId: payload.sid };
      if (payload.exp) this.verified.set(token, { claims, expiresAt: payload.exp * 1000 });
      return claims;
    } catch {
      return null;
    }
  }
}
