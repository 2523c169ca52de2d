/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query Categories {\n  categories {\n    id\n    name\n    slug\n    parentId\n    position\n  }\n}": typeof types.CategoriesDocument,
    "query ProductBySlug($slug: String!, $quantity: Int! = 1) {\n  product(slug: $slug) {\n    id\n    slug\n    name\n    description\n    imageUrls\n    inStock\n    attributes {\n      name\n      value\n    }\n    seller {\n      id\n      name\n      verified\n    }\n    category {\n      id\n      name\n      slug\n    }\n    variants {\n      id\n      sku\n      name\n      options {\n        name\n        value\n      }\n      listPrice {\n        amount\n        currency\n      }\n      minOrderQuantity\n      orderIncrement\n      stock {\n        available\n        inStock\n      }\n      tiers {\n        id\n        minQuantity\n        unitPrice {\n          amount\n          currency\n        }\n      }\n      price(quantity: $quantity) {\n        quantity\n        unitPrice {\n          amount\n          currency\n        }\n        total {\n          amount\n          currency\n        }\n        source\n      }\n    }\n  }\n}": typeof types.ProductBySlugDocument,
    "fragment ProductCard on Product {\n  id\n  slug\n  name\n  imageUrls\n  inStock\n  priceFrom {\n    amount\n    currency\n  }\n  seller {\n    id\n    name\n  }\n}\n\nquery ProductsPage($first: Int!, $after: String, $filter: ProductFilter, $sort: ProductSort!, $viewerPrices: Boolean! = false) {\n  products(first: $first, after: $after, filter: $filter, sort: $sort) {\n    edges {\n      cursor\n      node {\n        ...ProductCard\n        variants @include(if: $viewerPrices) {\n          id\n          price(quantity: 1) {\n            unitPrice {\n              amount\n              currency\n            }\n            source\n          }\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    totalCount\n    facets {\n      categories {\n        category {\n          id\n          name\n        }\n        count\n      }\n      sellers {\n        seller {\n          id\n          name\n        }\n        count\n      }\n    }\n  }\n}": typeof types.ProductCardFragmentDoc,
    "query Sellers {\n  sellers {\n    id\n    name\n    slug\n    verified\n  }\n}": typeof types.SellersDocument,
    "fragment SessionUser on User {\n  id\n  email\n  name\n  isPlatformAdmin\n  memberships {\n    company {\n      id\n      name\n      status\n    }\n    roles\n    department\n  }\n}\n\nquery Me {\n  me {\n    ...SessionUser\n  }\n}\n\nmutation Login($input: LoginInput!) {\n  login(input: $input) {\n    __typename\n    ... on AuthPayload {\n      token\n      user {\n        ...SessionUser\n      }\n    }\n    ... on InvalidCredentialsError {\n      errorCode\n      message\n    }\n    ... on TooManyAttemptsError {\n      errorCode\n      message\n      retryAfterSeconds\n    }\n  }\n}\n\nmutation Logout {\n  logout\n}": typeof types.SessionUserFragmentDoc,
};
const documents: Documents = {
    "query Categories {\n  categories {\n    id\n    name\n    slug\n    parentId\n    position\n  }\n}": types.CategoriesDocument,
    "query ProductBySlug($slug: String!, $quantity: Int! = 1) {\n  product(slug: $slug) {\n    id\n    slug\n    name\n    description\n    imageUrls\n    inStock\n    attributes {\n      name\n      value\n    }\n    seller {\n      id\n      name\n      verified\n    }\n    category {\n      id\n      name\n      slug\n    }\n    variants {\n      id\n      sku\n      name\n      options {\n        name\n        value\n      }\n      listPrice {\n        amount\n        currency\n      }\n      minOrderQuantity\n      orderIncrement\n      stock {\n        available\n        inStock\n      }\n      tiers {\n        id\n        minQuantity\n        unitPrice {\n          amount\n          currency\n        }\n      }\n      price(quantity: $quantity) {\n        quantity\n        unitPrice {\n          amount\n          currency\n        }\n        total {\n          amount\n          currency\n        }\n        source\n      }\n    }\n  }\n}": types.ProductBySlugDocument,
    "fragment ProductCard on Product {\n  id\n  slug\n  name\n  imageUrls\n  inStock\n  priceFrom {\n    amount\n    currency\n  }\n  seller {\n    id\n    name\n  }\n}\n\nquery ProductsPage($first: Int!, $after: String, $filter: ProductFilter, $sort: ProductSort!, $viewerPrices: Boolean! = false) {\n  products(first: $first, after: $after, filter: $filter, sort: $sort) {\n    edges {\n      cursor\n      node {\n        ...ProductCard\n        variants @include(if: $viewerPrices) {\n          id\n          price(quantity: 1) {\n            unitPrice {\n              amount\n              currency\n            }\n            source\n          }\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    totalCount\n    facets {\n      categories {\n        category {\n          id\n          name\n        }\n        count\n      }\n      sellers {\n        seller {\n          id\n          name\n        }\n        count\n      }\n    }\n  }\n}": types.ProductCardFragmentDoc,
    "query Sellers {\n  sellers {\n    id\n    name\n    slug\n    verified\n  }\n}": types.SellersDocument,
    "fragment SessionUser on User {\n  id\n  email\n  name\n  isPlatformAdmin\n  memberships {\n    company {\n      id\n      name\n      status\n    }\n    roles\n    department\n  }\n}\n\nquery Me {\n  me {\n    ...SessionUser\n  }\n}\n\nmutation Login($input: LoginInput!) {\n  login(input: $input) {\n    __typename\n    ... on AuthPayload {\n      token\n      user {\n        ...SessionUser\n      }\n    }\n    ... on InvalidCredentialsError {\n      errorCode\n      message\n    }\n    ... on TooManyAttemptsError {\n      errorCode\n      message\n      retryAfterSeconds\n    }\n  }\n}\n\nmutation Logout {\n  logout\n}": types.SessionUserFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Categories {\n  categories {\n    id\n    name\n    slug\n    parentId\n    position\n  }\n}"): (typeof documents)["query Categories {\n  categories {\n    id\n    name\n    slug\n    parentId\n    position\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProductBySlug($slug: String!, $quantity: Int! = 1) {\n  product(slug: $slug) {\n    id\n    slug\n    name\n    description\n    imageUrls\n    inStock\n    attributes {\n      name\n      value\n    }\n    seller {\n      id\n      name\n      verified\n    }\n    category {\n      id\n      name\n      slug\n    }\n    variants {\n      id\n      sku\n      name\n      options {\n        name\n        value\n      }\n      listPrice {\n        amount\n        currency\n      }\n      minOrderQuantity\n      orderIncrement\n      stock {\n        available\n        inStock\n      }\n      tiers {\n        id\n        minQuantity\n        unitPrice {\n          amount\n          currency\n        }\n      }\n      price(quantity: $quantity) {\n        quantity\n        unitPrice {\n          amount\n          currency\n        }\n        total {\n          amount\n          currency\n        }\n        source\n      }\n    }\n  }\n}"): (typeof documents)["query ProductBySlug($slug: String!, $quantity: Int! = 1) {\n  product(slug: $slug) {\n    id\n    slug\n    name\n    description\n    imageUrls\n    inStock\n    attributes {\n      name\n      value\n    }\n    seller {\n      id\n      name\n      verified\n    }\n    category {\n      id\n      name\n      slug\n    }\n    variants {\n      id\n      sku\n      name\n      options {\n        name\n        value\n      }\n      listPrice {\n        amount\n        currency\n      }\n      minOrderQuantity\n      orderIncrement\n      stock {\n        available\n        inStock\n      }\n      tiers {\n        id\n        minQuantity\n        unitPrice {\n          amount\n          currency\n        }\n      }\n      price(quantity: $quantity) {\n        quantity\n        unitPrice {\n          amount\n          currency\n        }\n        total {\n          amount\n          currency\n        }\n        source\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ProductCard on Product {\n  id\n  slug\n  name\n  imageUrls\n  inStock\n  priceFrom {\n    amount\n    currency\n  }\n  seller {\n    id\n    name\n  }\n}\n\nquery ProductsPage($first: Int!, $after: String, $filter: ProductFilter, $sort: ProductSort!, $viewerPrices: Boolean! = false) {\n  products(first: $first, after: $after, filter: $filter, sort: $sort) {\n    edges {\n      cursor\n      node {\n        ...ProductCard\n        variants @include(if: $viewerPrices) {\n          id\n          price(quantity: 1) {\n            unitPrice {\n              amount\n              currency\n            }\n            source\n          }\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    totalCount\n    facets {\n      categories {\n        category {\n          id\n          name\n        }\n        count\n      }\n      sellers {\n        seller {\n          id\n          name\n        }\n        count\n      }\n    }\n  }\n}"): (typeof documents)["fragment ProductCard on Product {\n  id\n  slug\n  name\n  imageUrls\n  inStock\n  priceFrom {\n    amount\n    currency\n  }\n  seller {\n    id\n    name\n  }\n}\n\nquery ProductsPage($first: Int!, $after: String, $filter: ProductFilter, $sort: ProductSort!, $viewerPrices: Boolean! = false) {\n  products(first: $first, after: $after, filter: $filter, sort: $sort) {\n    edges {\n      cursor\n      node {\n        ...ProductCard\n        variants @include(if: $viewerPrices) {\n          id\n          price(quantity: 1) {\n            unitPrice {\n              amount\n              currency\n            }\n            source\n          }\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    totalCount\n    facets {\n      categories {\n        category {\n          id\n          name\n        }\n        count\n      }\n      sellers {\n        seller {\n          id\n          name\n        }\n        count\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Sellers {\n  sellers {\n    id\n    name\n    slug\n    verified\n  }\n}"): (typeof documents)["query Sellers {\n  sellers {\n    id\n    name\n    slug\n    verified\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment SessionUser on User {\n  id\n  email\n  name\n  isPlatformAdmin\n  memberships {\n    company {\n      id\n      name\n      status\n    }\n    roles\n    department\n  }\n}\n\nquery Me {\n  me {\n    ...SessionUser\n  }\n}\n\nmutation Login($input: LoginInput!) {\n  login(input: $input) {\n    __typename\n    ... on AuthPayload {\n      token\n      user {\n        ...SessionUser\n      }\n    }\n    ... on InvalidCredentialsError {\n      errorCode\n      message\n    }\n    ... on TooManyAttemptsError {\n      errorCode\n      message\n      retryAfterSeconds\n    }\n  }\n}\n\nmutation Logout {\n  logout\n}"): (typeof documents)["fragment SessionUser on User {\n  id\n  email\n  name\n  isPlatformAdmin\n  memberships {\n    company {\n      id\n      name\n      status\n    }\n    roles\n    department\n  }\n}\n\nquery Me {\n  me {\n    ...SessionUser\n  }\n}\n\nmutation Login($input: LoginInput!) {\n  login(input: $input) {\n    __typename\n    ... on AuthPayload {\n      token\n      user {\n        ...SessionUser\n      }\n    }\n    ... on InvalidCredentialsError {\n      errorCode\n      message\n    }\n    ... on TooManyAttemptsError {\n      errorCode\n      message\n      retryAfterSeconds\n    }\n  }\n}\n\nmutation Logout {\n  logout\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;