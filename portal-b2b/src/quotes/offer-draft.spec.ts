import type { QuotesDetailFragment } from '@marketgate/graphql-client';
import { describe, expect, it } from 'vitest';
import { checkOffer, offerDraftOf } from './offer-draft';

const cny = (amount: number) => ({ amount, currency: 'CNY' });
const now = new Date('2026-11-20T08:00:00Z');

const framework = {
  id: 'q2',
  dealKind: 'FRAMEWORK',
  status: 'SUBMITTED',
  lines: [
    { id: 'l1', description: 'Milk', quantity: 1200, variantId: 'v1', targetUnitPrice: cny(800) },
  ],
  latestVersion: null,
} as unknown as QuotesDetailFragment;

describe('offer drafts', () => {
  it('starts a framework offer with net terms and the requested quantity committed', () => {
    const draft = offerDraftOf(framework, now);
    expect(draft.termsKind).toBe('NET');
    expect(draft.netDays).toBe('30');
    expect(draft.lines[0]).toMatchObject({
      unitPrice: '',
      quantity: '1200',
      committedQuantity: '1200',
    });
    // Open for two weeks unless the seller says otherwise.
    expect(new Date(draft.validUntil).getTime() - now.getTime()).toBeGreaterThanOrEqual(
      14 * 86_400_000 - 60_000,
    );
  });

  it('sends net terms and committed quantities for a framework agreement', () => {
    const draft = offerDraftOf(framework, now);
    draft.lines[0]!.unitPrice = '7.80';
    draft.lines[0]!.committedQuantity = '1500';
    draft.netDays = '45';
    const check = checkOffer(draft, {
      side: 'SELLER',
      dealKind: 'FRAMEWORK',
      currency: 'CNY',
      now,
    });
    expect(check.problems).toEqual({});
    // The agreement is worth its committed quantity, as the gateway counts it.
    expect(check.lineTotals).toEqual([1_170_000]);
    expect(check.total).toBe(1_170_000);
    expect(check.fields).toMatchObject({
      lines: [{ lineId: 'l1', unitPrice: 780, quantity: 1200, committedQuantity: 1500, tiers: [] }],
      paymentTerms: { kind: 'NET', netDays: 45, milestones: [] },
    });
  });

  it('keeps a seller’s validity in the future and sends none for a buyer', () => {
    const draft = offerDraftOf(framework, now);
    draft.lines[0]!.unitPrice = '7.80';
    draft.validUntil = '2026-11-01T10:00';
    const seller = checkOffer(draft, {
      side: 'SELLER',
      dealKind: 'FRAMEWORK',
      currency: 'CNY',
      now,
    });
    expect(seller.problems.validUntil).toEqual({ key: 'future' });
    expect(seller.fields).toBeNull();
    const buyer = checkOffer(draft, { side: 'BUYER', dealKind: 'FRAMEWORK', currency: 'CNY', now });
    expect(buyer.fields?.validUntil).toBeNull();
  });

  it('names each tier problem by its path', () => {
    const draft = offerDraftOf(framework, now);
    draft.lines[0]!.unitPrice = '7.80';
    draft.lines[0]!.tiers = [{ key: 1, minQuantity: '1', unitPrice: 'x' }];
    const check = checkOffer(draft, {
      side: 'SELLER',
      dealKind: 'FRAMEWORK',
      currency: 'CNY',
      now,
    });
    expect(check.problems).toEqual({
      'lines.0.tiers.0.minQuantity': { key: 'count', params: { min: 2, max: 10_000_000 } },
      'lines.0.tiers.0.unitPrice': { key: 'amount' },
    });
  });
});
