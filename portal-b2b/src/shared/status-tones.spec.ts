import { describe, expect, it } from 'vitest';
import {
  milestoneStatusTone,
  orderStatusTone,
  paymentStatusTone,
  productStatusTone,
  remittanceStatusTone,
} from './status-tones';

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

  it('marks products on sale done, drafts active and archived ones stopped', () => {
    expect(productStatusTone('ACTIVE')).toBe('done');
    expect(productStatusTone('DRAFT')).toBe('active');
    expect(productStatusTone('ARCHIVED')).toBe('stopped');
  });

  it('flags overdue installments and keeps scheduled ones quiet', () => {
    expect(milestoneStatusTone('OVERDUE')).toBe('attention');
    expect(milestoneStatusTone('DUE')).toBe('active');
    expect(milestoneStatusTone('PARTIALLY_PAID')).toBe('active');
    expect(milestoneStatusTone('PAID')).toBe('done');
    expect(milestoneStatusTone('SCHEDULED')).toBe('stopped');
  });
});
