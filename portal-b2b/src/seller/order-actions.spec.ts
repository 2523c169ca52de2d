import { describe, expect, it } from 'vitest';
import { needsForm, sellerActionsFor } from './order-actions';

describe('sellerActionsFor', () => {
  it.each([
    ['PLACED', true, ['confirm', 'cancel']],
    ['CONFIRMED', true, ['ship', 'cancel']],
    ['SHIPPED', false, ['recordDelivery', 'recordRefusal']],
    ['REFUSED', false, ['receiveReturn']],
    ['DELIVERED', false, []],
    ['RETURNED', false, []],
    ['CANCELLED', false, []],
    ['EXPIRED', false, []],
  ] as const)('offers %s orders the next steps of the lifecycle', (status, canCancel, actions) => {
    expect(sellerActionsFor({ status, canCancel })).toEqual(actions);
  });

  it('offers cancelling only when the gateway says the order may be cancelled', () => {
    expect(sellerActionsFor({ status: 'PLACED', canCancel: false })).toEqual(['confirm']);
  });
});

describe('needsForm', () => {
  it('asks for details before shipping, delivering, refusing and cancelling only', () => {
    expect(needsForm('confirm')).toBe(false);
    expect(needsForm('receiveReturn')).toBe(false);
    expect(needsForm('ship')).toBe(true);
    expect(needsForm('recordDelivery')).toBe(true);
    expect(needsForm('recordRefusal')).toBe(true);
    expect(needsForm('cancel')).toBe(true);
  });
});
