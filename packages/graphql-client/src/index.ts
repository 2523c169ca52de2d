export * from './generated/graphql.js';
export { createMarketgateClient, type MarketgateClientOptions } from './client.js';
export type { LoadState } from './composables/load-state.js';
export { useCursorStack } from './composables/cursor-stack.js';
export { useCategories, type CatalogCategory } from './composables/use-categories.js';
export {
  useProduct,
  type ProductDetail,
  type ProductState,
  type ProductVariant,
} from './composables/use-product.js';
export { useVariantChoice } from './composables/use-variant-choice.js';
export {
  useProductPages,
  type ProductPagesOptions,
  type ProductsPageFacets,
  type ProductsPageProduct,
} from './composables/use-product-pages.js';
export { useSearchSuggestions } from './composables/use-search-suggestions.js';
export {
  useCheckoutOptions,
  useLastShippingAddress,
  type CashOnDeliveryTerms,
  type CheckoutGroup,
} from './composables/use-checkout-options.js';
export { useOrderPages } from './composables/use-order-pages.js';
export { useOrder } from './composables/use-order.js';
export { install as urqlPlugin } from '@urql/vue';
export {
  useCartCrossSell,
  useOftenBoughtWith,
  usePlacedContent,
  type StorefrontBlock,
  type StorefrontRecommendation,
} from './composables/use-personal.js';
