import {
  SellerCatalogAdjustStockDocument,
  SellerCatalogArchiveProductDocument,
  SellerCatalogCreateProductDocument,
  SellerCatalogProductDocument,
  SellerCatalogPublishProductDocument,
  SellerCatalogStockMovementsDocument,
  SellerCatalogUpdateProductDocument,
  SellerCatalogUpsertVariantDocument,
  type AdjustStockInput,
  type CreateProductInput,
  type LoadState,
  type SellerCatalogAdjustStockMutation,
  type SellerCatalogProductDetailFragment,
  type SellerCatalogProductResultFragment,
  type SellerCatalogStockMovementFragment,
  type SellerCatalogUpsertVariantMutation,
  type SellerCatalogVariantFragment,
  type UpdateProductInput,
  type UpsertVariantInput,
} from '@marketgate/graphql-client';
import { ref, shallowRef, toValue, type MaybeRefOrGetter } from 'vue';
import { useRecord } from '../shared/use-record';
import { useSessionStore } from '../stores/session';
import { outcomeOf, type Outcome } from './outcome';

export type ProductError = Exclude<SellerCatalogProductResultFragment, { __typename: 'Product' }>;
export type VariantError = Exclude<
  SellerCatalogUpsertVariantMutation['upsertVariant'],
  { __typename: 'Variant' }
>;
export type StockError = Exclude<
  SellerCatalogAdjustStockMutation['adjustStock'],
  { __typename: 'Variant' }
>;

export type ProductOutcome = Outcome<SellerCatalogProductDetailFragment, ProductError>;
export type VariantOutcome = Outcome<SellerCatalogVariantFragment, VariantError>;
export type StockOutcome = Outcome<SellerCatalogVariantFragment, StockError>;

/** Creates a DRAFT product of the viewer's shop. */
export function useCreateProduct() {
  const session = useSessionStore();
  return async (input: CreateProductInput): Promise<ProductOutcome> => {
    const { data, error } = await session.client
      .mutation(SellerCatalogCreateProductDocument, { input })
      .toPromise();
    return outcomeOf(data?.createProduct, error, 'Product');
  };
}

/**
 * One of the shop's products, in any status, and the seller's changes to it. Every change
 * answers what the gateway now holds and replaces what is shown; a typed refusal of a status
 * change (the product moved on meanwhile) loads the product again.
 */
export function useSellerProduct(id: MaybeRefOrGetter<string>) {
  const session = useSessionStore();
  const {
    record: product,
    state,
    load,
    show,
  } = useRecord<SellerCatalogProductDetailFragment>(id, async (current) => {
    const { data, error } = await session.client
      .query(SellerCatalogProductDocument, { id: current }, { requestPolicy: 'network-only' })
      .toPromise();
    return { record: data?.product, failed: Boolean(error) || !data };
  });

  async function update(input: Omit<UpdateProductInput, 'id'>): Promise<ProductOutcome> {
    const { data, error } = await session.client
      .mutation(SellerCatalogUpdateProductDocument, { input: { ...input, id: toValue(id) } })
      .toPromise();
    const outcome = outcomeOf(data?.updateProduct, error, 'Product');
    if (outcome.kind === 'done') show(outcome.value);
    return outcome;
  }

  async function setStatus(action: 'publish' | 'archive'): Promise<ProductOutcome> {
    const variables = { id: toValue(id) };
    const client = session.client;
    const { result, error } =
      action === 'publish'
        ? await client
            .mutation(SellerCatalogPublishProductDocument, variables)
            .toPromise()
            .then(({ data, error }) => ({ result: data?.publishProduct, error }))
        : await client
            .mutation(SellerCatalogArchiveProductDocument, variables)
            .toPromise()
            .then(({ data, error }) => ({ result: data?.archiveProduct, error }));
    const outcome = outcomeOf(result, error, 'Product');
    if (outcome.kind === 'done') show(outcome.value);
    else if (outcome.kind === 'rejected') await load();
    return outcome;
  }

  /** Puts the gateway's answer for one variant in place of the one shown (or adds it). */
  function showVariant(variant: SellerCatalogVariantFragment): void {
    const current = product.value;
    if (!current) return;
    const known = current.variants.some((v) => v.id === variant.id);
    show({
      ...current,
      variants: known
        ? current.variants.map((v) => (v.id === variant.id ? variant : v))
        : [...current.variants, variant],
    });
  }

  async function saveVariant(input: UpsertVariantInput): Promise<VariantOutcome> {
    const { data, error } = await session.client
      .mutation(SellerCatalogUpsertVariantDocument, { input })
      .toPromise();
    const outcome = outcomeOf(data?.upsertVariant, error, 'Variant');
    if (outcome.kind === 'done') showVariant(outcome.value);
    return outcome;
  }

  async function adjustStock(input: AdjustStockInput): Promise<StockOutcome> {
    const { data, error } = await session.client
      .mutation(SellerCatalogAdjustStockDocument, { input })
      .toPromise();
    const outcome = outcomeOf(data?.adjustStock, error, 'Variant');
    if (outcome.kind === 'done') showVariant(outcome.value);
    return outcome;
  }

  return { product, state, reload: load, update, setStatus, saveVariant, adjustStock };
}

/**
 * The latest stock movements of a product's variants (the gateway keeps the last 100 of each),
 * read when a variant's stock is opened and again after each adjustment.
 */
export function useStockMovements(productId: MaybeRefOrGetter<string>) {
  const session = useSessionStore();
  const byVariant = shallowRef<Map<string, SellerCatalogStockMovementFragment[]> | null>(null);
  const fetching = ref(false);
  const failed = ref(false);
  let latest = 0;

  async function load(): Promise<void> {
    const request = ++latest;
    fetching.value = true;
    const { data, error } = await session.client
      .query(
        SellerCatalogStockMovementsDocument,
        { productId: toValue(productId) },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    if (request !== latest) return;
    fetching.value = false;
    failed.value = Boolean(error) || !data?.product;
    if (data?.product) {
      byVariant.value = new Map(data.product.variants.map((v) => [v.id, v.stockMovements]));
    }
  }

  function stateOf(variantId: string): LoadState {
    if (failed.value && !fetching.value) return 'error';
    const movements = byVariant.value?.get(variantId);
    if (!movements) return 'loading';
    return movements.length === 0 ? 'empty' : 'ready';
  }

  return {
    movementsOf: (variantId: string) => byVariant.value?.get(variantId) ?? [],
    stateOf,
    fetching,
    load,
  };
}
