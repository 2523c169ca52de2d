import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from './auth-checker.js';
import { AuditTrailResolver } from '../modules/audit/audit-trail.resolver.js';
import {
  AccountTagFieldsResolver,
  AudienceCompanyFieldsResolver,
  AudienceResolver,
  AudienceUserFieldsResolver,
  CompanyLifecycleFieldsResolver,
  SegmentFieldsResolver,
} from '../modules/audience/audience.resolver.js';
import {
  ApprovalDecisionFieldsResolver,
  ApprovalRequestFieldsResolver,
  ApprovalResolver,
  CompanyApprovalFieldsResolver,
} from '../modules/approval/approval.resolver.js';
import {
  CallOffFieldsResolver,
  ContractFieldsResolver,
  ContractMilestoneFieldsResolver,
  ContractResolver,
  CreditLineFieldsResolver,
} from '../modules/contracts/contract.resolver.js';
import { QuickOrderResolver } from '../modules/quoting/quick-order.resolver.js';
import {
  QuoteMessageFieldsResolver,
  QuoteRequestFieldsResolver,
  QuoteVersionFieldsResolver,
  QuotingResolver,
} from '../modules/quoting/quoting.resolver.js';
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
  OrderFieldsResolver,
  OrderingResolver,
  OrderLineFieldsResolver,
} from '../modules/ordering/ordering.resolver.js';
import {
  CashRemittanceFieldsResolver,
  PaymentResolver,
  SellerPaymentFieldsResolver,
} from '../modules/payment/payment.resolver.js';
import { CompanyAddressResolver } from '../modules/identity/company-address.resolver.js';
import {
  CompanyFieldsResolver,
  CompanyMemberFieldsResolver,
  IdentityResolver,
  UserFieldsResolver,
} from '../modules/identity/identity.resolver.js';
import {
  ContentBlockFieldsResolver,
  ContentResolver,
  ContentTargetFieldsResolver,
} from '../modules/content/content.resolver.js';
import { InsightsResolver } from '../modules/insights/insights.resolver.js';
import {
  RecommendationCartFieldsResolver,
  RecommendationCompanyFieldsResolver,
  RecommendationContractFieldsResolver,
  RecommendationFieldsResolver,
  RecommendationProductFieldsResolver,
  RecommendationsResolver,
  RecommendationVariantFieldsResolver,
} from '../modules/recommendations/recommendations.resolver.js';

export const resolvers = [
  AccountTagFieldsResolver,
  ApprovalDecisionFieldsResolver,
  ApprovalRequestFieldsResolver,
  ApprovalResolver,
  AudienceCompanyFieldsResolver,
  AudienceResolver,
  AudienceUserFieldsResolver,
  AuditTrailResolver,
  CallOffFieldsResolver,
  CartGroupFieldsResolver,
  CartResolver,
  CashRemittanceFieldsResolver,
  CatalogResolver,
  CategoryFieldsResolver,
  CompanyAddressResolver,
  CompanyApprovalFieldsResolver,
  CompanyFieldsResolver,
  CompanyLifecycleFieldsResolver,
  CompanyMemberFieldsResolver,
  ContentBlockFieldsResolver,
  ContentResolver,
  ContentTargetFieldsResolver,
  ContractFieldsResolver,
  ContractMilestoneFieldsResolver,
  ContractResolver,
  CreditLineFieldsResolver,
  CsvImportResolver,
  IdentityResolver,
  InsightsResolver,
  OrderFieldsResolver,
  OrderLineFieldsResolver,
  OrderingResolver,
  PaymentResolver,
  PriceTierFieldsResolver,
  ProductConnectionResolver,
  ProductFieldsResolver,
  QuickOrderResolver,
  QuoteMessageFieldsResolver,
  QuoteRequestFieldsResolver,
  QuoteVersionFieldsResolver,
  QuotingResolver,
  RecommendationCartFieldsResolver,
  RecommendationCompanyFieldsResolver,
  RecommendationContractFieldsResolver,
  RecommendationFieldsResolver,
  RecommendationProductFieldsResolver,
  RecommendationsResolver,
  RecommendationVariantFieldsResolver,
  SegmentFieldsResolver,
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
