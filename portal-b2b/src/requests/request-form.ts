import type {
  AddressFieldsFragment,
  AddressInput,
  CreateQuoteRequestInput,
  DealKind,
  QuoteLineInput,
  RequestsCompanyAddressFragment,
  RequestsDraftFragment,
  RequestsQuoteResultFragment,
} from '@marketgate/graphql-client';
import { inputProblemText } from '@marketgate/ui';
import { parseMoneyInput, toMoneyInput } from '../shared/money-input';

/** One line of a request being written: a catalog variant of the seller, or free text. */
export interface LineForm {
  /** Stable while the line is on screen (inputs keep their focus when lines move). */
  key: number;
  /** A catalog line's variant; null for a free-text line. */
  variantId: string | null;
  /** The seller of a catalog line's variant. */
  sellerId: string | null;
  /** How a catalog line is shown (product, variant, SKU). */
  label: string;
  /** A free-text line's item. */
  description: string;
  quantity: string;
  /** The unit price hoped for, as typed in major units; empty for none. */
  targetPrice: string;
}

export type AddressForm = { [Field in keyof AddressInput]: string };

export const addressFields = [
  'name',
  'phone',
  'province',
  'city',
  'district',
  'line1',
  'postalCode',
] as const satisfies readonly (keyof AddressInput)[];

/** Where to deliver: one of the company's addresses, or one written here. */
export type AddressChoice = { kind: 'saved'; id: string } | { kind: 'inline' };

export interface RequestForm {
  sellerId: string;
  dealKind: DealKind;
  termMonths: string;
  /** YYYY-MM-DD, or empty. */
  wantedDeliveryDate: string;
  address: AddressChoice;
  inlineAddress: AddressForm;
  notes: string;
  lines: LineForm[];
}

/** A message for one field: a key under `requests.editor.error` and its values. */
export interface FieldError {
  key: string;
  params?: Record<string, string | number>;
}

/** Messages by the path of the field in the mutation's input (`lines.0.quantity`, `termMonths`). */
export type FieldErrors = Record<string, FieldError>;

/** What the input may hold, as the gateway checks it too. */
export const limits = {
  lines: 100,
  description: 300,
  notes: 2000,
  quantity: 10_000_000,
  termMonths: { min: 12, max: 60 },
  address: { name: 100, province: 50, city: 50, district: 50, line1: 200 },
} as const;

/**
 * The platform's currency, in which the gateway keeps requests of free-text lines only; target
 * prices are typed in the currency of the request's catalog lines otherwise.
 */
export const platformCurrency = 'CNY';

/** The currency a saved draft's target prices are in. */
export function draftCurrency(draft: RequestsDraftFragment): string {
  return draft.lines.find((l) => l.targetUnitPrice)?.targetUnitPrice?.currency ?? platformCurrency;
}

let nextKey = 0;

export function newLine(fields: Partial<Omit<LineForm, 'key'>> = {}): LineForm {
  return {
    key: ++nextKey,
    variantId: null,
    sellerId: null,
    label: '',
    description: '',
    quantity: '1',
    targetPrice: '',
    ...fields,
  };
}

export function emptyAddress(): AddressForm {
  return { name: '', phone: '', province: '', city: '', district: '', line1: '', postalCode: '' };
}

/** The default address first, as the gateway lists them; none when the company keeps none. */
export function defaultAddressChoice(
  addresses: readonly RequestsCompanyAddressFragment[],
): AddressChoice {
  const preferred = addresses.find((a) => a.isDefault) ?? addresses[0];
  return preferred ? { kind: 'saved', id: preferred.id } : { kind: 'inline' };
}

export function emptyForm(addresses: readonly RequestsCompanyAddressFragment[]): RequestForm {
  return {
    sellerId: '',
    dealKind: 'ONE_OFF',
    termMonths: '12',
    wantedDeliveryDate: '',
    address: defaultAddressChoice(addresses),
    inlineAddress: emptyAddress(),
    notes: '',
    lines: [],
  };
}

function sameAddress(a: AddressFieldsFragment, b: AddressFieldsFragment): boolean {
  return addressFields.every((field) => a[field] === b[field]);
}

/**
 * A saved draft as a form. The request keeps a copy of its delivery address, not which of the
 * company's addresses it came from, so a saved address that matches it is chosen again.
 */
export function formFromDraft(
  draft: RequestsDraftFragment,
  addresses: readonly RequestsCompanyAddressFragment[],
): RequestForm {
  const saved = addresses.find((a) => sameAddress(a.address, draft.deliveryAddress));
  const { name, phone, province, city, district, line1, postalCode } = draft.deliveryAddress;
  return {
    sellerId: draft.seller.id,
    dealKind: draft.dealKind,
    termMonths: String(draft.termMonths ?? 12),
    wantedDeliveryDate: draft.wantedDeliveryDate ?? '',
    address: saved ? { kind: 'saved', id: saved.id } : { kind: 'inline' },
    inlineAddress: saved
      ? emptyAddress()
      : { name, phone, province, city, district, line1, postalCode },
    notes: draft.notes,
    lines: draft.lines.map((line) =>
      newLine({
        variantId: line.variantId,
        sellerId: line.variantId ? draft.seller.id : null,
        label: line.variantId ? line.description : '',
        description: line.variantId ? '' : line.description,
        quantity: String(line.quantity),
        targetPrice: line.targetUnitPrice ? toMoneyInput(line.targetUnitPrice) : '',
      }),
    ),
  };
}

const wholeNumber = /^\d+$/;
const day = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What is wrong with the form as written, field by field, checked as the buyer types: what is
 * required, numbers and lengths the input allows. Business rules (which variants a seller has
 * on sale, whether an address is deliverable) stay with the gateway, whose answers are shown
 * beside the same fields.
 */
export function validateForm(form: RequestForm, currency: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!form.sellerId) errors.sellerId = { key: 'chooseSeller' };
  if (form.dealKind === 'FRAMEWORK') {
    const months = wholeNumber.test(form.termMonths.trim()) ? Number(form.termMonths) : NaN;
    if (!(months >= limits.termMonths.min && months <= limits.termMonths.max)) {
      errors.termMonths = { key: 'termMonths', params: limits.termMonths };
    }
  }
  if (form.wantedDeliveryDate && !day.test(form.wantedDeliveryDate)) {
    errors.wantedDeliveryDate = { key: 'date' };
  }
  if (form.notes.length > limits.notes) {
    errors.notes = { key: 'tooLong', params: { max: limits.notes } };
  }
  if (form.lines.length === 0) errors.lines = { key: 'noLines' };
  if (form.lines.length > limits.lines) {
    errors.lines = { key: 'tooManyLines', params: { max: limits.lines } };
  }
  form.lines.forEach((line, i) => {
    const at = `lines.${i}`;
    if (line.variantId === null) {
      const description = line.description.trim();
      if (!description) errors[`${at}.description`] = { key: 'describe' };
      else if (description.length > limits.description) {
        errors[`${at}.description`] = { key: 'tooLong', params: { max: limits.description } };
      }
    } else if (form.sellerId && line.sellerId !== form.sellerId) {
      errors[`${at}.variantId`] = { key: 'otherSeller' };
    }
    const quantity = wholeNumber.test(line.quantity.trim()) ? Number(line.quantity) : NaN;
    if (!(quantity >= 1 && quantity <= limits.quantity)) {
      errors[`${at}.quantity`] = { key: 'quantity' };
    }
    if (line.targetPrice.trim() && parseMoneyInput(line.targetPrice, currency) === null) {
      errors[`${at}.targetUnitPrice`] = { key: 'price' };
    }
  });
  if (form.address.kind === 'inline') {
    for (const field of addressFields) {
      const value = form.inlineAddress[field].trim();
      const max = field === 'phone' || field === 'postalCode' ? null : limits.address[field];
      if (!value) errors[`deliveryAddress.${field}`] = { key: 'required' };
      else if (max !== null && value.length > max) {
        errors[`deliveryAddress.${field}`] = { key: 'tooLong', params: { max } };
      }
    }
  }
  return errors;
}

/** The request's terms, address and lines as the gateway takes them (create and update alike). */
export type RequestFields = Omit<CreateQuoteRequestInput, 'sellerId' | 'companyId'>;

/** The form as the mutation's input; call it on a form `validateForm` found nothing wrong with. */
export function toFieldsInput(form: RequestForm, currency: string): RequestFields {
  const lines = form.lines.map((line): QuoteLineInput => ({
    ...(line.variantId === null
      ? { description: line.description.trim() }
      : { variantId: line.variantId }),
    quantity: Number(line.quantity),
    targetUnitPrice: line.targetPrice.trim() ? parseMoneyInput(line.targetPrice, currency) : null,
  }));
  const address =
    form.address.kind === 'saved'
      ? { deliveryAddressId: form.address.id }
      : {
          deliveryAddress: Object.fromEntries(
            addressFields.map((field) => [field, form.inlineAddress[field].trim()]),
          ) as AddressInput,
        };
  return {
    dealKind: form.dealKind,
    termMonths: form.dealKind === 'FRAMEWORK' ? Number(form.termMonths) : null,
    wantedDeliveryDate: form.wantedDeliveryDate || null,
    notes: form.notes.trim(),
    lines,
    ...address,
  };
}

/**
 * The gateway's `BAD_USER_INPUT` refusals (by input path) as messages for the fields they
 * concern. The gateway's own text is English, so each field gets its message in the reader's
 * language; a path this screen does not know keeps the gateway's words.
 */
export function inputFieldErrors(paths: Record<string, string>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [path, message] of Object.entries(paths)) {
    const field = path.split('.').pop() ?? path;
    const line = /^lines\.\d+$/.test(path);
    const known: Record<string, FieldError> = {
      termMonths: { key: 'termMonths', params: limits.termMonths },
      wantedDeliveryDate: { key: 'date' },
      notes: { key: 'tooLong', params: { max: limits.notes } },
      lines: { key: 'lines' },
      variantId: { key: 'notOnSale' },
      description: { key: 'tooLong', params: { max: limits.description } },
      quantity: { key: 'quantity' },
      targetUnitPrice: { key: 'price' },
      deliveryAddress: { key: 'chooseAddress' },
    };
    errors[path] = line
      ? { key: 'describe' }
      : (known[field] ?? { key: 'gateway', params: { message } });
  }
  return errors;
}

/** A typed error of creating, changing or sending a request (everything but the request). */
export type RequestError = Exclude<RequestsQuoteResultFragment, { __typename: 'QuoteRequest' }>;

/** Messages for the address fields the gateway found undeliverable, by their input path. */
export function addressFieldErrors(
  error: Extract<RequestError, { __typename: 'InvalidAddressError' }>,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const problem of error.fields) {
    const field = problem.path.split('.').pop() ?? '';
    errors[`deliveryAddress.${field}`] =
      field === 'phone' || field === 'postalCode'
        ? { key: field }
        : { key: 'gateway', params: { message: inputProblemText(problem) } };
  }
  return errors;
}
