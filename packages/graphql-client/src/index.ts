export * from './generated/graphql.js';
export { createMarketgateClient, type MarketgateClientOptions } from './client.js';
export {
  useProductPages,
  type ProductPagesOptions,
  type ProductPagesState,
  type ProductsPageFacets,
  type ProductsPageProduct,
} from './composables/use-product-pages.js';
export {
  CombinedError,
  install as urqlPlugin,
  useMutation,
  useQuery,
  type Client,
} from '@urql/vue';
