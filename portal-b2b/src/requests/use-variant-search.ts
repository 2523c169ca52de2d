import { RequestsVariantSearchDocument } from '@marketgate/graphql-client';
import { ref, shallowRef } from 'vue';
import { useSessionStore } from '../stores/session';

/** A catalog variant found for a request line. */
export interface VariantHit {
  variantId: string;
  sku: string;
  /** Product and variant, as the line shows it. */
  label: string;
  sellerId: string;
}

export type VariantSearchState = 'idle' | 'searching' | 'error' | 'ready';

/** Finds a seller's variants by name or SKU (the gateway's product search matches SKUs too). */
export function useVariantSearch() {
  const session = useSessionStore();
  const hits = shallowRef<VariantHit[]>([]);
  const state = ref<VariantSearchState>('idle');
  let latest = 0;

  async function search(text: string, sellerId: string): Promise<void> {
    const request = ++latest;
    state.value = 'searching';
    const { data } = await session.client
      .query(RequestsVariantSearchDocument, { search: text.trim(), sellerId })
      .toPromise();
    if (request !== latest) return;
    if (!data) {
      state.value = 'error';
      return;
    }
    hits.value = data.products.edges.flatMap(({ node }) =>
      node.variants.map((v) => ({
        variantId: v.id,
        sku: v.sku,
        label: `${node.name} · ${v.name}`,
        sellerId: node.seller.id,
      })),
    );
    state.value = 'ready';
  }

  function clear(): void {
    latest++;
    hits.value = [];
    state.value = 'idle';
  }

  return { hits, state, search, clear };
}
