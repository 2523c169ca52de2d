import { inputErrorsByPath, type RequestError } from '../shared/input-errors';

/** What sending a change to the gateway came to, for a form to show. */
export type Outcome<T, E> =
  | { kind: 'done'; value: T }
  /** A typed error of the mutation's result union. */
  | { kind: 'rejected'; error: E }
  /** The gateway refused the input: messages by the field's path in the input (`tiers.0.unitPrice`). */
  | { kind: 'invalid'; fields: Record<string, string> }
  | { kind: 'failed' };

/** Reads a mutation's answer: its expected type, one of its typed errors, refused input or a failure. */
export function outcomeOf<R extends { __typename: string }, S extends R['__typename']>(
  result: R | undefined,
  error: RequestError | undefined,
  success: S,
): Outcome<Extract<R, { __typename: S }>, Exclude<R, { __typename: S }>> {
  if (!result) {
    const fields = inputErrorsByPath(error);
    return fields ? { kind: 'invalid', fields } : { kind: 'failed' };
  }
  return result.__typename === success
    ? { kind: 'done', value: result as Extract<R, { __typename: S }> }
    : { kind: 'rejected', error: result as Exclude<R, { __typename: S }> };
}
