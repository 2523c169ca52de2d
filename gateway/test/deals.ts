/** B2B moves shared by the contract suites. */

export type DealKind = 'ONE_OFF' | 'FRAMEWORK';

/**
 * A seller's offer on a one-line request at 1,000 a unit, in the terms its kind takes: a deposit
 * on signing and the rest on acceptance (one-off), or net 30 days with `committed` units over the
 * term (framework).
 */
export function offerTerms(kind: DealKind, lineId: string, committed: number) {
  return {
    paymentTerms:
      kind === 'FRAMEWORK'
        ? { kind: 'NET', netDays: 30 }
        : {
            kind: 'INSTALLMENTS',
            milestones: [
              { label: 'Deposit', percentBp: 3000, trigger: 'ON_SIGNING' },
              { label: 'Final', percentBp: 7000, trigger: 'ON_ACCEPTANCE', netDays: 30 },
            ],
          },
    lines: [
      {
        lineId,
        unitPrice: 1_000,
        ...(kind === 'FRAMEWORK' ? { committedQuantity: committed } : {}),
      },
    ],
  };
}
