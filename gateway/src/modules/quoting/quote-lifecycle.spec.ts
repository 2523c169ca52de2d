import { describe, expect, it } from 'vitest';
import { ContractStatus, contractLifecycle } from '../contracts/contract.entity.js';
import { QuoteStatus, quoteLifecycle } from './quote.entity.js';

const quoteStates = Object.values(QuoteStatus);

describe('quote negotiation', () => {
  it('takes turns: the seller offers, the buyer counters or accepts', () => {
    expect(quoteLifecycle.next(QuoteStatus.SUBMITTED)).toContain(QuoteStatus.OFFERED);
    expect(quoteLifecycle.canTransition(QuoteStatus.OFFERED, QuoteStatus.COUNTERED)).toBe(true);
    expect(quoteLifecycle.canTransition(QuoteStatus.COUNTERED, QuoteStatus.OFFERED)).toBe(true);
    expect(quoteLifecycle.canTransition(QuoteStatus.COUNTERED, QuoteStatus.COUNTERED)).toBe(false);
  });

  it('is accepted only from an offer, and only through approval', () => {
    const intoApproval = quoteStates.filter((s) =>
      quoteLifecycle.canTransition(s, QuoteStatus.PENDING_APPROVAL),
    );
    expect(intoApproval).toEqual([QuoteStatus.OFFERED]);
    const accepted = quoteStates.filter((s) =>
      quoteLifecycle.canTransition(s, QuoteStatus.ACCEPTED),
    );
    expect(accepted).toEqual([QuoteStatus.PENDING_APPROVAL]);
    expect(quoteLifecycle.next(QuoteStatus.PENDING_APPROVAL)).toEqual([
      QuoteStatus.ACCEPTED,
      QuoteStatus.OFFERED,
    ]);
  });

  it('cannot be withdrawn while in approval, nor left once accepted or cancelled', () => {
    expect(quoteLifecycle.canTransition(QuoteStatus.PENDING_APPROVAL, QuoteStatus.CANCELLED)).toBe(
      false,
    );
    expect(quoteLifecycle.isFinal(QuoteStatus.ACCEPTED)).toBe(true);
    expect(quoteLifecycle.isFinal(QuoteStatus.CANCELLED)).toBe(true);
  });
});

describe('contract lifecycle', () => {
  it('is signed into force, then completed or terminated, and ends there', () => {
    expect(contractLifecycle.next(ContractStatus.PENDING_SIGNATURE)).toEqual([
      ContractStatus.ACTIVE,
      ContractStatus.TERMINATED,
    ]);
    expect(contractLifecycle.canTransition(ContractStatus.ACTIVE, ContractStatus.COMPLETED)).toBe(
      true,
    );
    expect(
      contractLifecycle.canTransition(ContractStatus.PENDING_SIGNATURE, ContractStatus.COMPLETED),
    ).toBe(false);
    for (const s of [ContractStatus.COMPLETED, ContractStatus.TERMINATED]) {
      expect(contractLifecycle.isFinal(s)).toBe(true);
    }
  });
});
