import { describe, expect, it } from 'vitest';
import { orderStatusTone, paymentStatusTone, remittanceStatusTone } from './status-tones';

describe('status tones', () => {
  it('marks delivered orders done, refused ones for attention and ended ones stopped', () => {
    expect(orderStatusTone('DELIVERED')).toBe('done');
    expect(orderStatusTone('REFUSED')).toBe('attention');
    expect(orderStatusTone('RETURNED')).toBe('stopped');
    expect(orderStatusTone('EXPIRED')).toBe('stopped');
    expect(orderStatusTone('SHIPPED')).toBe('active');
  });

  it('marks reconciled cash done and disputed cash for attention', () => {
    expect(paymentStatusTone('RECONCILED')).toBe('done');
    expect(paymentStatusTone('DISPUTED')).toBe('attention');
    expect(paymentStatusTone('VOIDED')).toBe('stopped');
    expect(paymentStatusTone('COLLECTED')).toBe('active');
  });

  it('flags short and excess remittances', () => {
    expect(remittanceStatusTone('MATCHED')).toBe('done');
    expect(remittanceStatusTone('SHORT')).toBe('attention');
    expect(remittanceStatusTone('EXCESS')).toBe('attention');
  });
});
