import { Field, ObjectType } from 'type-graphql';
import { badInput } from './errors.js';

/** Relay page info. */
@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => Boolean)
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export type CursorKey = (string | number)[];

/**
 * Cursors are opaque to clients: base64url JSON of the row's sort key, ending with its id.
 * Pages continue with a keyset condition (`(sortKey, id) > cursor`), so page 1000 costs what
 * page 1 does and rows inserted meanwhile do not shift the pages.
 */
export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): CursorKey {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === arity &&
      key.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))
    ) {
      return key as CursorKey;
    }
  } catch {
    // fall through to the typed error below
  }
  throw badInput('The cursor is not valid for this list', 'after');
}

export interface Page<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: PageInfo;
}

/**
 * Builds a page from `first + 1` fetched rows: the extra row only says whether another page
 * follows.
 */
export function toPage<T>(
  rows: T[],
  first: number,
  after: string | null | undefined,
  keyOf: (row: T, index: number) => CursorKey,
): Page<T> {
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node, index) => ({ node, cursor: encodeCursor(keyOf(node, index)) }));
  const pageInfo = new PageInfo();
  pageInfo.hasNextPage = rows.length > first;
  pageInfo.hasPreviousPage = Boolean(after);
  pageInfo.startCursor = edges[0]?.cursor ?? null;
  pageInfo.endCursor = edges.at(-1)?.cursor ?? null;
  return { edges, pageInfo };
}
