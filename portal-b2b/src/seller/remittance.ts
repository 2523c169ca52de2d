import type { RemittanceResolution, RemittanceStatus } from '@marketgate/graphql-client';
import type { Money } from '@marketgate/money';

/** What the courier should hand over for a set of orders, and how an entered amount compares. */
export interface RemittancePreview {
  expected: Money;
  /** entered - expected, negative when short; null until an amount is entered. */
  difference: Money | null;
  status: RemittanceStatus | null;
}

/**
 * The preview shown before recording a remittance: the cash collected for the chosen orders
 * against the amount entered (minor units, null while the field is empty or invalid). It only
 * informs the person typing; the gateway computes the expected amount and decides the status.
 * Null when nothing is chosen or the orders' currencies differ (one remittance, one currency).
 */
export function previewRemittance(
  collected: readonly Money[],
  entered: number | null,
): RemittancePreview | null {
  const currency = collected[0]?.currency;
  if (!currency || collected.some((m) => m.currency !== currency)) return null;
  const expected = { amount: collected.reduce((sum, m) => sum + m.amount, 0), currency };
  if (entered === null) return { expected, difference: null, status: null };
  const difference = { amount: entered - expected.amount, currency };
  return { expected, difference, status: remittanceStatusOf(difference.amount) };
}

export function remittanceStatusOf(difference: number): RemittanceStatus {
  if (difference === 0) return 'MATCHED';
  return difference < 0 ? 'SHORT' : 'EXCESS';
}

/**
 * A short or excess remittance nobody has settled or written off yet: its payments stay
 * disputed until the seller resolves it.
 */
export function isOpenDispute(remittance: {
  status: RemittanceStatus;
  resolution: RemittanceResolution | null;
}): boolean {
  return remittance.status !== 'MATCHED' && remittance.resolution === null;
}
