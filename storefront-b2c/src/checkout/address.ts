/**
 * The shipping address rules of the checkout contract, checked in the browser before the order
 * is sent (the gateway checks them again and answers `InvalidAddressError` per field).
 */

export interface AddressForm {
  name: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  line1: string;
  postalCode: string;
}

export type AddressField = keyof AddressForm;
export const addressFields: readonly AddressField[] = [
  'name',
  'phone',
  'province',
  'city',
  'district',
  'line1',
  'postalCode',
];

/** Message keys under `checkout.address.errors`. */
export type AddressProblem = 'required' | 'tooLong' | 'phone' | 'postalCode';
export type AddressErrors = Partial<Record<AddressField, AddressProblem>>;

const maxLength: Record<Exclude<AddressField, 'phone' | 'postalCode'>, number> = {
  name: 100,
  province: 50,
  city: 50,
  district: 50,
  line1: 200,
};

/** Mainland mobile numbers, or international numbers with a country code. */
function isPhone(value: string): boolean {
  const compact = value.replace(/[\s-]/g, '');
  return /^1[3-9]\d{9}$/.test(compact) || /^\+\d{7,15}$/.test(compact);
}

export function emptyAddress(): AddressForm {
  return { name: '', phone: '', province: '', city: '', district: '', line1: '', postalCode: '' };
}

/** The address with every field trimmed, as it is sent. */
export function trimAddress(address: AddressForm): AddressForm {
  return {
    name: address.name.trim(),
    phone: address.phone.trim(),
    province: address.province.trim(),
    city: address.city.trim(),
    district: address.district.trim(),
    line1: address.line1.trim(),
    postalCode: address.postalCode.trim(),
  };
}

export function validateAddress(address: AddressForm): AddressErrors {
  const trimmed = trimAddress(address);
  const errors: AddressErrors = {};
  for (const field of addressFields) {
    const value = trimmed[field];
    if (!value) errors[field] = 'required';
    else if (field === 'phone') {
      if (!isPhone(value)) errors.phone = 'phone';
    } else if (field === 'postalCode') {
      if (!/^\d{6}$/.test(value)) errors.postalCode = 'postalCode';
    } else if (value.length > maxLength[field]) errors[field] = 'tooLong';
  }
  return errors;
}

/** The address field a server error path such as "shippingAddress.phone" points at. */
export function addressFieldOf(path: string): AddressField | undefined {
  const field = path.split('.').at(-1);
  return addressFields.find((f) => f === field);
}
