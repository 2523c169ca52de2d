import { describe, expect, it } from 'vitest';
import { TokenSigner } from './token.js';

const signer = new TokenSigner('s'.repeat(40));
const claims = { userId: 7, sessionId: 'c0ffee' };

describe('TokenSigner', () => {
  it('verifies its own tokens, again from memory', async () => {
    const token = await signer.sign(claims, new Date(Date.now() + 60_000));
    expect(await signer.verify(token)).toEqual(claims);
    expect(await signer.verify(token)).toEqual(claims);
  });

  it('refuses tampered, foreign and expired tokens', async () => {
    const token = await signer.sign(claims, new Date(Date.now() + 60_000));
    const [head, body, sig] = token.split('.') as [string, string, string];
    const forged = Buffer.from(JSON.stringify({ sid: 'x', sub: '1', iss: 'marketgate' })).toString(
      'base64url',
    );
    expect(await signer.verify(`${head}.${forged}.${sig}`)).toBeNull();
    // Another first character: the last ones may carry padding bits a decoder ignores, so
    // rewriting them can leave the same signature (once in about a thousand tokens).
    const tampered = `${sig.startsWith('A') ? 'B' : 'A'}${sig.slice(1)}`;
    expect(await signer.verify(`${head}.${body}.${tampered}`)).toBeNull();
    const foreign = await new TokenSigner('t'.repeat(40)).sign(
      claims,
      new Date(Date.now() + 60_000),
    );
    expect(await signer.verify(foreign)).toBeNull();
    const expired = await signer.sign(claims, new Date(Date.now() - 1_000));
    expect(await signer.verify(expired)).toBeNull();
  });
});
