/**
 * The catalog workloads: GraphQL documents as the storefront sends them. The baseline answers
 * the same request bodies at its own path per workload.
 */
export const catalogPageQuery = `query CatalogPage($first: Int!) {
  products(first: $first, sort: NEWEST) {
    edges {
      cursor
      node {
        id
        slug
        name
        variants {
          sku
          listPrice { amount currency }
          price { unitPrice { amount currency } source }
          stock { available }
        }
        seller { name }
        category { name }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const productDetailQuery = `query ProductBySlug($slug: String!) {
  product(slug: $slug) {
    id
    slug
    name
    description
    imageUrls
    inStock
    attributes { name value }
    seller { id name }
    category { id name slug }
    variants {
      id
      sku
      name
      options { name value }
      listPrice { amount currency }
      minOrderQuantity
      orderIncrement
      stock { available inStock }
      tiers { id minQuantity unitPrice { amount currency } }
      price(quantity: 1) {
        quantity
        unitPrice { amount currency }
        total { amount currency }
        source
      }
    }
  }
}`;

export const searchQuery = `query Search($filter: ProductFilter!) {
  products(first: 20, filter: $filter) {
    totalCount
    edges {
      cursor
      node {
        id
        slug
        name
        inStock
        priceFrom { amount currency }
        seller { id name }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

export interface SearchFilter {
  search: string;
  categoryId: string;
  inStock: boolean;
  minPrice: number;
  maxPrice: number;
}

/** Searches of the search workload: a word (or two) below a top-level category, in a price range. */
export const searchCases: {
  search: string;
  category: string;
  minPrice: number;
  maxPrice: number;
}[] = [
  { search: 'premium', category: 'office', minPrice: 500, maxPrice: 50_000 },
  { search: 'organic milk', category: 'food-drinks', minPrice: 500, maxPrice: 5_000 },
  { search: 'desk', category: 'office', minPrice: 10_000, maxPrice: 200_000 },
  { search: 'eco wok', category: 'home-kitchen', minPrice: 1_000, maxPrice: 60_000 },
];

export type WorkloadName = 'catalog page' | 'product detail' | 'search';

export interface Workload {
  name: WorkloadName;
  /** Path of the baseline's handler. */
  baselinePath: string;
  connections: number;
  /** Request bodies sent in turn. */
  bodies: string[];
}

export function body(query: string, variables: Record<string, unknown>): string {
  return JSON.stringify({ query, variables });
}
