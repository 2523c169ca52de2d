import { describe, expect, it } from 'vitest';
import { ContractStatus, contractLifecycle } from '../contracts/contract.entity.js';
import { QuoteAction, QuoteStatus, quoteLifecycle } from './quote.entity.js';
import { quoteSteps } from './quoting.service.js';

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

describe('quote steps', () => {
  it('are taken only from statuses the lifecycle lets the quote leave that way', () => {
    const moves: [QuoteAction, QuoteStatus][] = [
      [QuoteAction.SUBMIT, QuoteStatus.SUBMITTED],
      [QuoteAction.OFFER, QuoteStatus.OFFERED],
      [QuoteAction.REVISE, QuoteStatus.OFFERED],
      [QuoteAction.COUNTER, QuoteStatus.COUNTERED],
      [QuoteAction.ACCEPT, QuoteStatus.PENDING_APPROVAL],
      [QuoteAction.CANCEL, QuoteStatus.CANCELLED],
    ];
    for (const [step, to] of moves) {
      for (const from of quoteSteps[step].from) {
        expect(quoteLifecycle.canTransition(from, to), `${step} from ${from}`).toBe(true);
      }
    }
    expect(quoteSteps.CANCEL.from).toEqual(
      quoteStates.filter((s) => quoteLifecycle.canTransition(s, QuoteStatus.CANCELLED)),
    );
  });

  it('leave an offer in approval alone: only the approval moves it back or on', () => {
    const taken = Object.values(quoteSteps).filter((s) =>
      s.from.includes(QuoteStatus.PENDING_APPROVAL),
    );
    expect(taken).toEqual([quoteSteps.POST_MESSAGE]);
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
