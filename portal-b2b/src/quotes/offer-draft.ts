import type {
  DealKind,
  OfferInput,
  PaymentTermsKind,
  QuoteSide,
  QuotesDetailFragment,
} from '@marketgate/graphql-client';
import type { Money } from '@marketgate/money';
import { toLocalDateTime } from '../shared/local-date-time';
import { parseMoneyInput, toMoneyInput } from '../shared/money-input';
import {
  checkMilestones,
  draftsOf,
  parseCount,
  type DraftProblem,
  type MilestoneDraft,
  type ScheduleCheck,
} from './installment-schedule';

export interface TierDraft {
  key: number;
  minQuantity: string;
  unitPrice: string;
}

/** One request line as the offer editor prices it; every number as typed. */
export interface OfferLineDraft {
  lineId: string;
  description: string;
  requestedQuantity: number;
  targetUnitPrice: Money | null;
  unitPrice: string;
  quantity: string;
  committedQuantity: string;
  tiers: TierDraft[];
}

/** An offer (seller) or counter-offer (buyer) being written. */
export interface OfferDraft {
  lines: OfferLineDraft[];
  /** Local date and time, as a `datetime-local` field holds it; the seller's only. */
  validUntil: string;
  deliveryTerms: string;
  note: string;
  termsKind: PaymentTermsKind;
  milestones: MilestoneDraft[];
  netDays: string;
}

/** The offer as the gateway takes it, without the quote and version it answers. */
export type OfferFields = Omit<OfferInput, 'quoteId' | 'expectedVersion'>;

export interface OfferCheck {
  /** What is wrong, by the field's path in `OfferInput` (e.g. `lines.0.unitPrice`). */
  problems: Record<string, DraftProblem>;
  schedule: ScheduleCheck;
  /**
   * Each line's total as typed: the unit price times the agreed quantity, which on a framework
   * is the committed quantity where one is typed (as the gateway counts it); null while either
   * is missing or wrong.
   */
  lineTotals: (number | null)[];
  /** The lines' total as typed, for the gateway to preview the schedule on; it sets the real one. */
  total: number | null;
  /** Ready to send once nothing is wrong. */
  fields: OfferFields | null;
}

export const MAX_QUANTITY = 10_000_000;
export const MAX_TIERS = 10;
const MAX_TEXT = 2000;
const DAY_MS = 86_400_000;
/** How long a first offer stays open unless the seller says otherwise. */
const DEFAULT_VALIDITY_DAYS = 14;

let nextTierKey = 1;

export function tierDraft(minQuantity = '', unitPrice = ''): TierDraft {
  return { key: nextTierKey++, minQuantity, unitPrice };
}

/**
 * The editor's starting point: the offer on the table (to revise or counter), or for a first
 * offer the request's lines and quantities. The payment terms' kind starts as the one the
 * gateway documents for the deal (installments for one-off deals, net terms for frameworks).
 */
export function offerDraftOf(quote: QuotesDetailFragment, now: Date): OfferDraft {
  const current = quote.latestVersion;
  const currency = current?.total.currency ?? quote.lines[0]?.targetUnitPrice?.currency ?? 'CNY';
  const framework = quote.dealKind === 'FRAMEWORK';
  const validUntil =
    current && new Date(current.validUntil).getTime() > now.getTime()
      ? new Date(current.validUntil)
      : new Date(now.getTime() + DEFAULT_VALIDITY_DAYS * DAY_MS);
  return {
    lines: quote.lines.map((line) => {
      const offered = current?.lines.find((l) => l.requestLineId === line.id);
      return {
        lineId: line.id,
        description: line.description,
        requestedQuantity: line.quantity,
        targetUnitPrice: line.targetUnitPrice,
        unitPrice: offered ? toMoneyInput(offered.unitPrice) : '',
        quantity: String(offered?.quantity ?? line.quantity),
        committedQuantity: framework
          ? String(offered?.committedQuantity ?? offered?.quantity ?? line.quantity)
          : '',
        tiers: (offered?.tiers ?? []).map((t) =>
          tierDraft(String(t.minQuantity), toMoneyInput({ amount: t.unitPrice, currency })),
        ),
      };
    }),
    validUntil: toLocalDateTime(validUntil),
    deliveryTerms: current?.deliveryTerms ?? '',
    note: '',
    termsKind: current?.paymentTerms.kind ?? (framework ? 'NET' : 'INSTALLMENTS'),
    milestones: current ? draftsOf(current.paymentTerms.milestones, currency) : [],
    netDays: String(current?.paymentTerms.netDays ?? 30),
  };
}

interface CheckContext {
  side: QuoteSide;
  dealKind: DealKind;
  currency: string;
  now: Date;
}

/** Checks the offer as it is typed and builds what is sent once it is complete. */
export function checkOffer(draft: OfferDraft, context: CheckContext): OfferCheck {
  const { side, dealKind, currency, now } = context;
  const problems: Record<string, DraftProblem> = {};

  const lines = draft.lines.map((line, i) => {
    const at = `lines.${i}`;
    const unitPrice = parseMoneyInput(line.unitPrice, currency);
    if (!line.unitPrice.trim()) problems[`${at}.unitPrice`] = { key: 'required' };
    else if (unitPrice === null) problems[`${at}.unitPrice`] = { key: 'amount' };
    const quantity = parseCount(line.quantity, 1, MAX_QUANTITY);
    if (!line.quantity.trim()) problems[`${at}.quantity`] = { key: 'required' };
    else if (quantity === null) {
      problems[`${at}.quantity`] = { key: 'count', params: { min: 1, max: MAX_QUANTITY } };
    }
    let committedQuantity: number | null = null;
    if (dealKind === 'FRAMEWORK' && line.committedQuantity.trim()) {
      committedQuantity = parseCount(line.committedQuantity, 1, MAX_QUANTITY);
      if (committedQuantity === null) {
        problems[`${at}.committedQuantity`] = {
          key: 'count',
          params: { min: 1, max: MAX_QUANTITY },
        };
      }
    }
    const tiers = line.tiers.map((tier, j) => {
      const minQuantity = parseCount(tier.minQuantity, 2, MAX_QUANTITY);
      const tierPrice = parseMoneyInput(tier.unitPrice, currency);
      if (minQuantity === null) {
        problems[`${at}.tiers.${j}.minQuantity`] = tier.minQuantity.trim()
          ? { key: 'count', params: { min: 2, max: MAX_QUANTITY } }
          : { key: 'required' };
      }
      if (tierPrice === null) {
        problems[`${at}.tiers.${j}.unitPrice`] = tier.unitPrice.trim()
          ? { key: 'amount' }
          : { key: 'required' };
      }
      return { minQuantity: minQuantity ?? 0, unitPrice: tierPrice ?? 0 };
    });
    const agreed =
      dealKind === 'FRAMEWORK' && line.committedQuantity.trim() ? committedQuantity : quantity;
    const lineTotal = unitPrice !== null && agreed !== null ? unitPrice * agreed : null;
    return { lineId: line.lineId, unitPrice, quantity, committedQuantity, tiers, lineTotal };
  });

  const lineTotals = lines.map((l) => l.lineTotal);
  const total = lineTotals.every((t) => t !== null)
    ? lineTotals.reduce<number>((sum, t) => sum + (t as number), 0)
    : null;

  let validUntil: string | null = null;
  if (side === 'SELLER') {
    const at = new Date(draft.validUntil);
    if (!draft.validUntil) problems.validUntil = { key: 'required' };
    else if (Number.isNaN(at.getTime())) problems.validUntil = { key: 'dateTime' };
    else if (at.getTime() <= now.getTime()) problems.validUntil = { key: 'future' };
    else validUntil = at.toISOString();
  }
  if (draft.deliveryTerms.length > MAX_TEXT) {
    problems.deliveryTerms = { key: 'tooLong', params: { max: MAX_TEXT } };
  }
  if (draft.note.length > MAX_TEXT) problems.note = { key: 'tooLong', params: { max: MAX_TEXT } };

  const schedule = checkMilestones(draft.milestones, currency);
  let netDays: number | null = null;
  if (draft.termsKind === 'NET') {
    netDays = parseCount(draft.netDays, 0, 365);
    if (netDays === null)
      problems['paymentTerms.netDays'] = { key: 'netDays', params: { max: 365 } };
  } else {
    schedule.milestones.forEach((m, i) => {
      for (const [field, problem] of Object.entries(m.problems)) {
        problems[`paymentTerms.milestones.${i}.${field}`] = problem;
      }
    });
  }

  const complete = Object.keys(problems).length === 0;
  return {
    problems,
    schedule,
    lineTotals,
    total,
    fields: complete
      ? {
          lines: lines.map((l) => ({
            lineId: l.lineId,
            unitPrice: l.unitPrice as number,
            quantity: l.quantity as number,
            committedQuantity: l.committedQuantity,
            tiers: l.tiers,
          })),
          validUntil,
          deliveryTerms: draft.deliveryTerms.trim(),
          note: draft.note.trim(),
          paymentTerms:
            draft.termsKind === 'NET'
              ? { kind: 'NET', netDays, milestones: [] }
              : { kind: 'INSTALLMENTS', netDays: null, milestones: schedule.inputs ?? [] },
        }
      : null,
  };
}
