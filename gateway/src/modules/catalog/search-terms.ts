/**
 * The words of product search, one tokenizer for indexing and querying. Text is folded (NFKD,
 * accents dropped, lower case) and split on everything but letters and digits. Latin-like words
 * are terms of their own and match as prefixes ("desk" finds "desks"). Chinese, Japanese and
 * Korean have no spaces, so a run of those characters is indexed as its single characters and
 * overlapping pairs, and a query matches every pair of its run ("有机牛奶" finds "有机", "机牛",
 * "牛奶"), as the CJK analyzers of search engines do.
 */

/** Longest term kept; longer words are cut (a prefix query still finds them). */
export const MAX_TERM_LENGTH = 64;

/** Query words kept; more make no better search and only a longer statement. */
const MAX_QUERY_WORDS = 8;

/** Weight of a term found in the name or a SKU; terms found elsewhere weigh 1. */
export const NAME_WEIGHT = 2;

const CJK_RUN = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+)/u;

/** Words too common to tell products apart (InnoDB's default FULLTEXT stopwords). */
const STOPWORDS = new Set(
  (
    'a about an are as at be by com de en for from how i in is it la of on or that the this ' +
    'to was what when where who will with und www'
  ).split(' '),
);

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC')
    .toLowerCase();
}

/** Splits folded text into runs: `[word, isCjk]`. */
function runs(text: string): [string, boolean][] {
  const out: [string, boolean][] = [];
  for (const word of fold(text).split(/[^\p{L}\p{N}]+/u)) {
    if (!word) continue;
    word.split(CJK_RUN).forEach((part, i) => {
      // split with a capturing group puts the CJK runs at the odd indexes
      if (part) out.push([part, i % 2 === 1]);
    });
  }
  return out;
}

function pairs(run: string): string[] {
  const chars = [...run];
  return chars.slice(1).map((c, i) => `${chars[i]}${c}`);
}

/** The terms a text is indexed under. */
export function indexTerms(text: string): string[] {
  const terms: string[] = [];
  for (const [run, cjk] of runs(text)) {
    if (cjk) terms.push(...run, ...pairs(run));
    else if (!STOPWORDS.has(run)) terms.push([...run].slice(0, MAX_TERM_LENGTH).join(''));
  }
  return terms;
}

/** One condition of a search: a term equal to `term`, or starting with it. */
export interface QueryTerm {
  term: string;
  prefix: boolean;
}

/**
 * What a search looks for: every word (a prefix) and every pair of a CJK run (exact; a lone
 * CJK character is a term of its own). The most selective condition comes first: exact terms,
 * then the longest prefixes.
 */
export function queryTerms(search: string | null | undefined): QueryTerm[] {
  if (!search) return [];
  const found = new Map<string, QueryTerm>();
  for (const [run, cjk] of runs(search)) {
    if (cjk) {
      for (const term of run.length === 1 ? [run] : pairs(run)) {
        found.set(term, { term, prefix: false });
      }
    } else if (!STOPWORDS.has(run)) {
      const term = [...run].slice(0, MAX_TERM_LENGTH).join('');
      if (!found.has(term)) found.set(term, { term, prefix: true });
    }
  }
  return [...found.values()]
    .sort((a, b) => Number(a.prefix) - Number(b.prefix) || b.term.length - a.term.length)
    .slice(0, MAX_QUERY_WORDS);
}

/** Where a product's words come from. */
export interface SearchableProduct {
  name: string;
  description: string;
  attributes: { name: string; value: string }[];
}

/** A product's terms with their weights: name and SKUs weigh more than the rest. */
export function productTerms(product: SearchableProduct, skus: string[]): Map<string, number> {
  const weights = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const term of indexTerms(text)) {
      weights.set(term, Math.max(weight, weights.get(term) ?? 0));
    }
  };
  add([product.name, ...skus].join(' '), NAME_WEIGHT);
  add([product.description, ...product.attributes.map((a) => a.value)].join(' '), 1);
  return weights;
}

/** The upper bound of a prefix range: every term starting with `prefix` sorts below it. */
export function prefixEnd(prefix: string): string {
  return `${prefix}\u{10FFFF}`;
}
