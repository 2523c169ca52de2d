import { describe, expect, it } from 'vitest';
import { addressFieldOf, emptyAddress, trimAddress, validateAddress } from './address';

const valid = {
  name: 'Alice Wang',
  phone: '138 1234-5678',
  province: 'Zhejiang',
  city: 'Hangzhou',
  district: 'Xihu',
  line1: '1 Longjing Road',
  postalCode: '310000',
};

describe('validateAddress', () => {
  it('accepts a complete address with a mainland mobile or an international number', () => {
    expect(validateAddress(valid)).toEqual({});
    expect(validateAddress({ ...valid, phone: '+4915112345678' })).toEqual({});
  });

  it('asks for every field, ignoring surrounding spaces', () => {
    expect(validateAddress({ ...emptyAddress(), name: '   ' })).toEqual({
      name: 'required',
      phone: 'required',
      province: 'required',
      city: 'required',
      district: 'required',
      line1: 'required',
      postalCode: 'required',
    });
  });

  it('checks phone, postal code and lengths', () => {
    expect(
      validateAddress({
        ...valid,
        phone: '12812345678',
        postalCode: '31000',
        name: 'x'.repeat(101),
        province: 'p'.repeat(51),
        line1: 'l'.repeat(201),
      }),
    ).toEqual({
      phone: 'phone',
      postalCode: 'postalCode',
      name: 'tooLong',
      province: 'tooLong',
      line1: 'tooLong',
    });
    expect(validateAddress({ ...valid, phone: '+123456' })).toEqual({ phone: 'phone' });
    expect(validateAddress({ ...valid, name: 'x'.repeat(100), line1: 'l'.repeat(200) })).toEqual(
      {},
    );
  });

  it('trims what it sends', () => {
    expect(trimAddress({ ...valid, city: '  Hangzhou ' }).city).toBe('Hangzhou');
  });
});

describe('addressFieldOf', () => {
  it('maps a server error path to its field', () => {
    expect(addressFieldOf('shippingAddress.phone')).toBe('phone');
    expect(addressFieldOf('shippingAddress.postalCode')).toBe('postalCode');
    expect(addressFieldOf('idempotencyKey')).toBeUndefined();
  });
});
