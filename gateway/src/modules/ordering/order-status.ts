import { registerEnumType } from 'type-graphql';
import { StateMachine } from '../../common/state-machine.js';

export enum OrderStatus {
  PLACED = 'PLACED',
  CONFIRMED = 'CONFIRMED',
  SHIPPED = 'SHIPPED',
  DELIVERED = 'DELIVERED',
  REFUSED = 'REFUSED',
  RETURNED = 'RETURNED',
  CANCELLED = 'CANCELLED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(OrderStatus, {
  name: 'OrderStatus',
  valuesConfig: {
    PLACED: { description: 'Placed by the consumer; stock reserved; waiting for the seller.' },
    CONFIRMED: { description: 'Accepted by the seller.' },
    SHIPPED: { description: 'Handed to the carrier; stock has left the warehouse.' },
    DELIVERED: { description: 'Delivered; the courier collected the cash.' },
    REFUSED: { description: 'Refused at the door; the goods are on their way back.' },
    RETURNED: { description: 'Back in the warehouse; stock restored.' },
    CANCELLED: { description: 'Cancelled before shipping; stock released.' },
    EXPIRED: { description: 'Not confirmed in time; stock released.' },
  },
});

/** The consumer order lifecycle. */
export const orderLifecycle = new StateMachine<OrderStatus>('order', {
  PLACED: [OrderStatus.CONFIRMED, OrderStatus.CANCELLED, OrderStatus.EXPIRED],
  CONFIRMED: [OrderStatus.SHIPPED, OrderStatus.CANCELLED],
  SHIPPED: [OrderStatus.DELIVERED, OrderStatus.REFUSED],
  REFUSED: [OrderStatus.RETURNED],
  DELIVERED: [],
  RETURNED: [],
  CANCELLED: [],
  EXPIRED: [],
});

/** What a transition does to stock: units reserved at placement are released or shipped. */
export type StockEffect = 'release' | 'ship' | 'restock' | null;

export function stockEffectOf(to: OrderStatus): StockEffect {
  switch (to) {
    case OrderStatus.CANCELLED:
    case OrderStatus.EXPIRED:
      return 'release';
    case OrderStatus.SHIPPED:
      return 'ship';
    case OrderStatus.RETURNED:
      return 'restock';
    default:
      return null;
  }
}
