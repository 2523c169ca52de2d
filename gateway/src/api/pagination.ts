import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { SelectQueryBuilder } from 'typeorm';
import { badInput } from './errors.js';
import { InputProblemCode } from './input-problems.js';

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

/** The page a paged list is asked for; a list's own arguments extend it. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: '1 to 100.' })
  @Min(1)
  @Max(100)
  first: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  after?: string | null;
}

/** A page of `T` as the list services build it; `count` runs only when `totalCount` is asked. */
export interface Connection<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: PageInfo;
  count: () => Promise<number>;
}

/**
 * The Relay connection type of `node` (`<Node>Connection` with `<Node>Edge`): edges, page info,
 * and `totalCount`, one extra statement run only when asked.
 */
export function connectionOf<T extends object>(
  node: ClassType<T>,
  options: { description: string; counted: string },
) {
  @ObjectType(`${node.name}Edge`, { simpleResolvers: true })
  class Edge {
    @Field(() => node)
    node: T;

    @Field(() => String)
    cursor: string;
  }

  @ObjectType(`${node.name}Connection`, { description: options.description, simpleResolvers: true })
  class PageOf implements Connection<T> {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    count: () => Promise<number>;

    @Field(() => Int, { description: `${options.counted} (one extra statement).` })
    totalCount(): Promise<number> {
      return this.count();
    }
  }
  return PageOf;
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
  throw badInput('The cursor is not valid for this list', 'after', InputProblemCode.CURSOR);
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

/** How a keyset list is ordered: by one value, ties by id, both the same way. */
export interface Keyset {
  /** SQL of the sort value, e.g. `q.updatedAt`; null sorts by id alone. */
  sql: string | null;
  direction: 'ASC' | 'DESC';
}

/** A date the driver answered as a Date, kept in a cursor as its ISO instant. */
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * One page of `qb`'s rows (alias `alias`) in `keyset` order, continuing after `page.after`, and
 * a count of all its rows run only when asked. The cursor keeps the sort value as the database
 * answered it (a date as the driver returns it), so the next page compares it exactly.
 */
export async function keysetPage<T extends { id: number }>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  { sql, direction }: Keyset,
  page: PageArgs,
): Promise<Page<T> & { count: () => Promise<number> }> {
  const counted = qb.clone();
  const id = `${alias}.id`;
  const cmp = direction === 'ASC' ? '>' : '<';
  if (page.after && sql === null) {
    qb.andWhere(`${id} ${cmp} :afterId`, { afterId: decodeCursor(page.after, 1)[0] });
  } else if (page.after && sql !== null) {
    const [value = '', afterId] = decodeCursor(page.after, 2);
    qb.andWhere(`(${sql} ${cmp} :afterValue OR (${sql} = :afterValue AND ${id} ${cmp} :afterId))`, {
      afterValue: isoInstant.test(String(value)) ? new Date(value) : value,
      afterId,
    });
  }
  // In brackets, so that TypeORM selects it beside the entity's own column, not instead of it.
  if (sql !== null) qb.addSelect(`(${sql})`, 'keyset_value').orderBy(sql, direction);
  const { entities, raw } = await qb
    .addOrderBy(id, direction)
    .limit(page.first + 1)
    .getRawAndEntities<{ keyset_value: unknown }>();
  const keyOf = (row: T, index: number): CursorKey => {
    if (sql === null) return [row.id];
    const value = raw[index]?.keyset_value;
    if (value instanceof Date) return [value.toISOString(), row.id];
    return [typeof value === 'number' ? value : String(value), row.id];
  };
  return { ...toPage(entities, page.first, page.after, keyOf), count: () => counted.getCount() };
}
