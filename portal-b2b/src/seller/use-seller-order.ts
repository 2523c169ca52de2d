import {
  SellerCancelOrderDocument,
  SellerConfirmOrderDocument,
  SellerOrderDocument,
  SellerReceiveReturnDocument,
  SellerRecordDeliveryDocument,
  SellerRecordRefusalDocument,
  SellerShipOrderDocument,
  type SellerOrderDetailFragment,
  type SellerOrderResultFragment,
} from '@marketgate/graphql-client';
import type { MaybeRefOrGetter } from 'vue';
import { fieldErrorsOf } from '../shared/input-errors';
import { useRecord } from '../shared/use-record';
import { useSessionStore } from '../stores/session';

/** One step a seller takes on an order, with what that step needs. */
export type OrderActionRequest =
  | { action: 'confirm' }
  | { action: 'ship'; carrier: string; trackingNumber: string }
  | { action: 'recordDelivery'; amountCollected: number }
  | { action: 'recordRefusal'; reason: string }
  | { action: 'receiveReturn' }
  | { action: 'cancel'; reason: string };

export type OrderActionError = Exclude<SellerOrderResultFragment, { __typename: 'Order' }>;

export type OrderActionOutcome =
  | { kind: 'done' }
  | { kind: 'rejected'; error: OrderActionError }
  /** The gateway refused the input; messages by field name (e.g. `trackingNumber`). */
  | { kind: 'invalid'; fields: Record<string, string> }
  | { kind: 'failed' };

/**
 * One of the shop's orders and the seller's steps on it. Every step answers the order as it is
 * now: on success it replaces the one shown; on a typed error (the order moved on meanwhile,
 * a wrong cash amount) the order is loaded again so the screen never shows a stale status.
 */
export function useSellerOrder(id: MaybeRefOrGetter<string>) {
  const session = useSessionStore();
  const {
    record: order,
    state,
    load,
    show,
  } = useRecord<SellerOrderDetailFragment>(id, async (current) => {
    const { data, error } = await session.client
      .query(SellerOrderDocument, { id: current }, { requestPolicy: 'network-only' })
      .toPromise();
    return { record: data?.order, failed: Boolean(error) || !data };
  });

  /** Sends one step; answers the gateway's result, or the failed request's error. */
  async function send(orderId: string, request: OrderActionRequest) {
    const client = session.client;
    switch (request.action) {
      case 'confirm': {
        const input = { orderId };
        const { data, error } = await client
          .mutation(SellerConfirmOrderDocument, { input })
          .toPromise();
        return { result: data?.confirmOrder, error };
      }
      case 'ship': {
        const { carrier, trackingNumber } = request;
        const input = { orderId, carrier, trackingNumber };
        const { data, error } = await client
          .mutation(SellerShipOrderDocument, { input })
          .toPromise();
        return { result: data?.shipOrder, error };
      }
      case 'recordDelivery': {
        const input = { orderId, amountCollected: request.amountCollected };
        const { data, error } = await client
          .mutation(SellerRecordDeliveryDocument, { input })
          .toPromise();
        return { result: data?.recordDelivery, error };
      }
      case 'recordRefusal': {
        const input = { orderId, reason: request.reason || null };
        const { data, error } = await client
          .mutation(SellerRecordRefusalDocument, { input })
          .toPromise();
        return { result: data?.recordRefusal, error };
      }
      case 'receiveReturn': {
        const input = { orderId };
        const { data, error } = await client
          .mutation(SellerReceiveReturnDocument, { input })
          .toPromise();
        return { result: data?.receiveReturn, error };
      }
      case 'cancel': {
        const input = { orderId, reason: request.reason || null };
        const { data, error } = await client
          .mutation(SellerCancelOrderDocument, { input })
          .toPromise();
        return { result: data?.cancelOrder, error };
      }
    }
  }

  async function perform(request: OrderActionRequest): Promise<OrderActionOutcome> {
    const current = order.value;
    if (!current) return { kind: 'failed' };
    const { result, error } = await send(current.id, request);
    if (!result) {
      const fields = fieldErrorsOf(error);
      return fields ? { kind: 'invalid', fields } : { kind: 'failed' };
    }
    if (result.__typename === 'Order') {
      show(result);
      return { kind: 'done' };
    }
    await load();
    return { kind: 'rejected', error: result };
  }

  return { order, state, perform, reload: load };
}
