/**
 * `url` when it is an absolute http(s) URL, else null. Content blocks come from shops' staff: a
 * `javascript:` or `data:` link must never reach an `href` or `src`.
 */
export function httpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}
