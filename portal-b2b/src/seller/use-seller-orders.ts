import {
  SellerOrdersDocument,
  type SellerOrderFilter,
  type SellerOrderSummaryFragment,
} from '@marketgate/graphql-client';
import type { MaybeRefOrGetter } from 'vue';
import { useCursorPages } from '../shared/use-cursor-pages';
import { useSessionStore } from '../stores/session';

/**
 * The shop's orders, newest first, a page at a time, filtered on the gateway; a new filter
 * starts again from the first page.
 */
export function useSellerOrders(filter: MaybeRefOrGetter<SellerOrderFilter>, pageSize = 20) {
  const session = useSessionStore();
  const { items, ...pages } = useCursorPages<SellerOrderSummaryFragment, SellerOrderFilter>(
    filter,
    async (current, first, after) => {
      const { data, error } = await session.client
        .query(
          SellerOrdersDocument,
          { filter: current, first, after },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      return error ? undefined : data?.sellerOrders;
    },
    pageSize,
  );
  return { orders: items, ...pages };
}
