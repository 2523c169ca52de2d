import {
  SellerCatalogProductsDocument,
  type ProductFilter,
  type ProductSort,
  type SellerCatalogProductRowFragment,
} from '@marketgate/graphql-client';
import type { MaybeRefOrGetter } from 'vue';
import { useCursorPages } from '../shared/use-cursor-pages';
import { useSessionStore } from '../stores/session';

/**
 * The shop's products, a page at a time, filtered and sorted on the gateway; a new filter or
 * sort starts again from the first page.
 */
export function useSellerProducts(
  request: MaybeRefOrGetter<{ filter: ProductFilter; sort: ProductSort }>,
  pageSize = 20,
) {
  const session = useSessionStore();
  const { items, ...pages } = useCursorPages<
    SellerCatalogProductRowFragment,
    { filter: ProductFilter; sort: ProductSort }
  >(
    request,
    async ({ filter, sort }, first, after) => {
      const { data, error } = await session.client
        .query(
          SellerCatalogProductsDocument,
          { filter, sort, first, after },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      return error ? undefined : data?.products;
    },
    pageSize,
  );
  return { products: items, ...pages };
}
