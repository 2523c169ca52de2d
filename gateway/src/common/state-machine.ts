/**
 * A lifecycle written as data: for each state, the states it may move to. Services ask the
 * machine before they write, so an illegal transition is refused on the server whatever the
 * client sends; the audit log records every transition that passes.
 */
export type TransitionTable<S extends string> = { readonly [From in S]: readonly S[] };

export class StateMachine<S extends string> {
  constructor(
    readonly name: string,
    private readonly table: TransitionTable<S>,
  ) {}

  canTransition(from: S, to: S): boolean {
    return this.table[from].includes(to);
  }

  /** States reachable in one step from `from`. */
  next(from: S): readonly S[] {
    return this.table[from];
  }

  isFinal(state: S): boolean {
    return this.table[state].length === 0;
  }
}
