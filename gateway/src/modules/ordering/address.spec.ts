import { describe, expect, it } from 'vitest';
import { AddressInput, validateAddress } from './address.js';

function input(patch: Partial<AddressInput> = {}): AddressInput {
  return Object.assign(new AddressInput(), {
    name: ' Li Lei ',
    phone: '138 0013-8000',
    province: 'Zhejiang',
    city: 'Hangzhou',
    district: 'Xihu',
    line1: '1 Wensan Road',
    postalCode: '310000',
    ...patch,
  });
}

describe('validateAddress', () => {
  it('trims and normalises a good address', () => {
    const result = validateAddress(input(), 'shippingAddress');
    expect(result).toEqual({
      address: expect.objectContaining({ name: 'Li Lei', phone: '13800138000' }),
    });
  });

  it('accepts an international number', () => {
    expect('address' in validateAddress(input({ phone: '+44 20 7946 0958' }), 'a')).toBe(true);
  });

  it('names every bad field at once', () => {
    const result = validateAddress(
      input({ name: '  ', phone: '12345', postalCode: '31000', line1: 'x'.repeat(201) }),
      'shippingAddress',
    );
    expect(result).toEqual({
      problems: [
        { path: 'shippingAddress.name', message: 'is required', code: 'REQUIRED', params: {} },
        {
          path: 'shippingAddress.line1',
          message: 'must be at most 200 characters',
          code: 'MAX_LENGTH',
          params: { max: 200 },
        },
        {
          path: 'shippingAddress.phone',
          message: 'must be an 11-digit mobile number or start with + and a country code',
          code: 'PHONE',
          params: {},
        },
        {
          path: 'shippingAddress.postalCode',
          message: 'must be 6 digits',
          code: 'POSTAL_CODE',
          params: {},
        },
      ],
    });
  });
});
