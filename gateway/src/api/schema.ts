import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from './auth-checker.js';
import {
  CatalogResolver,
  CategoryFieldsResolver,
  PriceTierFieldsResolver,
  ProductConnectionResolver,
  ProductFieldsResolver,
  VariantFieldsResolver,
} from '../modules/catalog/catalog.resolver.js';
import { CsvImportResolver } from '../modules/catalog/csv-import.resolver.js';
import { CartGroupFieldsResolver, CartResolver } from '../modules/cart/cart.resolver.js';
import {
  OrderConnectionFieldsResolver,
  OrderFieldsResolver,
  OrderingResolver,
  OrderLineFieldsResolver,
} from '../modules/ordering/ordering.resolver.js';
import {
  CashRemittanceFieldsResolver,
  PaymentResolver,
  SellerPaymentFieldsResolver,
} from '../modules/payment/payment.resolver.js';
import {
  CompanyFieldsResolver,
  CompanyMemberFieldsResolver,
  IdentityResolver,
  UserFieldsResolver,
} from '../modules/identity/identity.resolver.js';

export const resolvers = [
  CartGroupFieldsResolver,
  CartResolver,
  CashRemittanceFieldsResolver,
  CatalogResolver,
  CategoryFieldsResolver,
  CompanyFieldsResolver,
  CompanyMemberFieldsResolver,
  CsvImportResolver,
  IdentityResolver,
  OrderConnectionFieldsResolver,
  OrderFieldsResolver,
  OrderingResolver,
  OrderLineFieldsResolver,
  PaymentResolver,
  PriceTierFieldsResolver,
  ProductConnectionResolver,
  ProductFieldsResolver,
  SellerPaymentFieldsResolver,
  UserFieldsResolver,
  VariantFieldsResolver,
] as const;

/** The one schema; inputs are validated with class-validator before any resolver runs. */
export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    authChecker,
    validate: { forbidUnknownValues: false },
  });
}
