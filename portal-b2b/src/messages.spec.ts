import { describe, expect, it } from 'vitest';
import { messages } from './messages';
import { orderStatuses, paymentStatuses } from './seller/order-filter';

/** Keys the seller screens build at run time, e.g. `seller.action.submit.${action}`. */
const builtKeys = [
  ...['confirm', 'ship', 'recordDelivery', 'recordRefusal', 'receiveReturn', 'cancel'].flatMap(
    (action) => [`seller.action.${action}`, `seller.action.done.${action}`],
  ),
  ...['ship', 'recordDelivery', 'recordRefusal', 'cancel'].map((a) => `seller.action.submit.${a}`),
  ...['NotFoundError', 'InvalidStateError', 'CollectedAmountMismatchError'].map(
    (typename) => `seller.action.error.${typename}`,
  ),
  ...['NotFoundError', 'InvalidStateError'].map((typename) => `seller.remit.error.${typename}`),
  ...orderStatuses.map((status) => `orderStatus.${status}`),
  ...paymentStatuses.map((status) => `paymentStatus.${status}`),
  ...['MATCHED', 'SHORT', 'EXCESS'].flatMap((status) => [
    `remittanceStatus.${status}`,
    `seller.remit.preview.${status}`,
    `seller.remit.result.${status}`,
  ]),
  ...['CONSUMER', 'SELLER', 'SYSTEM'].map((actor) => `seller.order.actor.${actor}`),
];

function lookup(tree: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined,
      tree,
    );
}

describe('portal messages', () => {
  it.each(Object.keys(messages))('has every key the seller screens build in %s', (locale) => {
    const missing = builtKeys.filter(
      (key) => typeof lookup(messages[locale as keyof typeof messages], key) !== 'string',
    );
    expect(missing).toEqual([]);
  });
});
