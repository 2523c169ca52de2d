import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.js';
import { CashOnDeliveryRules, CodUnavailableReason } from './cash-on-delivery.js';

function rules(env: Record<string, string> = {}) {
  return new CashOnDeliveryRules(
    loadConfig({ AUTH_SECRET: 'x'.repeat(32), COD_MAX_ORDER_AMOUNT: '10000', ...env }),
  );
}

describe('cash-on-delivery rules', () => {
  it('charges the platform fee unless the seller set its own', () => {
    const r = rules({ COD_FEE: '800' });
    expect(r.fee(null)).toBe(800);
    expect(r.fee(0)).toBe(0);
    expect(r.fee(300)).toBe(300);
  });

  it('accepts totals up to the limit, not above', () => {
    const r = rules();
    expect(r.unavailableReason('Zhejiang', 10_000, 'CNY')).toBeNull();
    expect(r.unavailableReason('Zhejiang', 10_001, 'CNY')).toBe(
      CodUnavailableReason.AMOUNT_ABOVE_LIMIT,
    );
  });

  it('serves every province when no regions are listed', () => {
    expect(rules().unavailableReason('Xizang', 100, 'CNY')).toBeNull();
  });

  it('serves only the listed provinces, ignoring case and spaces', () => {
    const r = rules({ COD_REGIONS: 'Shanghai, Zhejiang,广东' });
    expect(r.unavailableReason(' zhejiang ', 100, 'CNY')).toBeNull();
    expect(r.unavailableReason('广东', 100, 'CNY')).toBeNull();
    expect(r.unavailableReason('Xizang', 100, 'CNY')).toBe(CodUnavailableReason.REGION_NOT_SERVED);
    expect(r.unavailableReason(null, 100, 'CNY')).toBeNull();
  });

  it('takes cash only in the platform currency', () => {
    expect(rules().unavailableReason('Zhejiang', 100, 'USD')).toBe(
      CodUnavailableReason.CURRENCY_NOT_ACCEPTED,
    );
  });
});
