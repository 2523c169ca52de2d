import type { QuoteAction, QuoteSide, QuoteStatus } from '@marketgate/graphql-client';
import type { StatusTone } from '../shared/status-tones';

/** The statuses a seller can see (a draft stays with the buyer until it is submitted). */
export const sellerQuoteStatuses: readonly QuoteStatus[] = [
  'SUBMITTED',
  'COUNTERED',
  'OFFERED',
  'PENDING_APPROVAL',
  'ACCEPTED',
  'CANCELLED',
];

/**
 * Whose move the gateway's status says it is (its documented meaning: the seller quotes a
 * submitted or countered request, the buyer answers an offer), to name the side waited for;
 * null once nobody is to move (approval, accepted, ended).
 */
export function turnOf(status: QuoteStatus): QuoteSide | null {
  switch (status) {
    case 'SUBMITTED':
    case 'COUNTERED':
      return 'SELLER';
    case 'OFFERED':
      return 'BUYER';
    default:
      return null;
  }
}

/** The steps that answer the other side. */
const answers: readonly QuoteAction[] = ['OFFER', 'COUNTER', 'ACCEPT'];

/** Whether it is the viewer's turn: the gateway lets them answer the other side now. */
export function isYourTurn(allowedActions: readonly QuoteAction[]): boolean {
  return allowedActions.some((action) => answers.includes(action));
}

export function quoteStatusTone(status: QuoteStatus): StatusTone {
  switch (status) {
    case 'ACCEPTED':
      return 'done';
    case 'CANCELLED':
    case 'DRAFT':
      return 'stopped';
    default:
      return 'active';
  }
}
