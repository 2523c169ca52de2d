import { describe, expect, it } from 'vitest';
import { OrderStatus, orderLifecycle, stockEffectOf } from './order-status.js';

const all = Object.values(OrderStatus);

describe('order lifecycle', () => {
  it('goes placed, confirmed, shipped, then delivered or refused and returned', () => {
    expect(orderLifecycle.canTransition(OrderStatus.PLACED, OrderStatus.CONFIRMED)).toBe(true);
    expect(orderLifecycle.canTransition(OrderStatus.CONFIRMED, OrderStatus.SHIPPED)).toBe(true);
    expect(orderLifecycle.canTransition(OrderStatus.SHIPPED, OrderStatus.DELIVERED)).toBe(true);
    expect(orderLifecycle.canTransition(OrderStatus.SHIPPED, OrderStatus.REFUSED)).toBe(true);
    expect(orderLifecycle.canTransition(OrderStatus.REFUSED, OrderStatus.RETURNED)).toBe(true);
  });

  it('cancels only before shipping and expires only unconfirmed orders', () => {
    const cancellable = all.filter((s) => orderLifecycle.canTransition(s, OrderStatus.CANCELLED));
    expect(cancellable).toEqual([OrderStatus.PLACED, OrderStatus.CONFIRMED]);
    const expirable = all.filter((s) => orderLifecycle.canTransition(s, OrderStatus.EXPIRED));
    expect(expirable).toEqual([OrderStatus.PLACED]);
  });

  it('never skips a step nor leaves a final state', () => {
    expect(orderLifecycle.canTransition(OrderStatus.PLACED, OrderStatus.SHIPPED)).toBe(false);
    expect(orderLifecycle.canTransition(OrderStatus.CONFIRMED, OrderStatus.DELIVERED)).toBe(false);
    for (const s of [
      OrderStatus.DELIVERED,
      OrderStatus.RETURNED,
      OrderStatus.CANCELLED,
      OrderStatus.EXPIRED,
    ]) {
      expect(orderLifecycle.isFinal(s)).toBe(true);
    }
  });

  it('moves stock only when it leaves, comes back or is let go', () => {
    expect(all.map((s) => [s, stockEffectOf(s)])).toEqual([
      [OrderStatus.PLACED, null],
      [OrderStatus.CONFIRMED, null],
      [OrderStatus.SHIPPED, 'ship'],
      [OrderStatus.DELIVERED, null],
      [OrderStatus.REFUSED, null],
      [OrderStatus.RETURNED, 'restock'],
      [OrderStatus.CANCELLED, 'release'],
      [OrderStatus.EXPIRED, 'release'],
    ]);
  });
});
