import type { DataSource } from 'typeorm';
import type { Config } from '../config/config.js';
import { ApprovalService } from '../modules/approval/approval.service.js';
import { AudienceService } from '../modules/audience/audience.service.js';
import { AuditService } from '../modules/audit/audit.service.js';
import { BillingService } from '../modules/billing/billing.service.js';
import { CallOffService } from '../modules/contracts/call-off.service.js';
import { ContentService } from '../modules/content/content.service.js';
import { ContractService } from '../modules/contracts/contract.service.js';
import { QuotingService } from '../modules/quoting/quoting.service.js';
import { RecommendationsService } from '../modules/recommendations/recommendations.service.js';
import { CatalogService } from '../modules/catalog/catalog.service.js';
import { CsvImportService } from '../modules/catalog/csv-import.service.js';
import { InsightsService } from '../modules/insights/insights.service.js';
import { IdentityService } from '../modules/identity/identity.service.js';
import { LoginThrottle } from '../modules/identity/login-throttle.js';
import { CartService } from '../modules/cart/cart.service.js';
import { OrderingService } from '../modules/ordering/ordering.service.js';
import { CashOnDeliveryRules } from '../modules/payment/cash-on-delivery.js';
import { PaymentService } from '../modules/payment/payment.service.js';

/** The services, made once per process. They hold no request state: each call gets `ctx`. */
export async function createServices(config: Config, dataSource: DataSource) {
  const audit = new AuditService();
  const throttle = await LoginThrottle.create(dataSource, config);
  const catalog = new CatalogService(audit);
  const cod = new CashOnDeliveryRules(config);
  const billing = new BillingService(audit);
  const contracts = new ContractService(audit, catalog, billing);
  // An approved quote acceptance accepts the quote and draws up the contract; a rejected one
  // hands the quote back to the buyer. An approved call-off is placed; a rejected one released.
  // (Quoting and call-offs raise the requests, so they are wired in afterwards.)
  const approval: ApprovalService = new ApprovalService(audit, {
    async approved(ctx, viewer, request) {
      if (request.callOffId !== null) return callOffs.approved(ctx, viewer, request);
      await quoting.approved(ctx, viewer, request);
      await contracts.draw(ctx, viewer, request);
    },
    async rejected(ctx, viewer, request) {
      if (request.callOffId !== null) return callOffs.rejected(ctx, viewer, request);
      await quoting.rejected(ctx, viewer, request);
    },
  });
  const quoting: QuotingService = new QuotingService(config, audit, approval);
  const callOffs: CallOffService = new CallOffService(config, audit, catalog, contracts, approval);
  const audience = new AudienceService(config, audit);
  return {
    approval,
    audience,
    audit,
    billing,
    callOffs,
    cart: new CartService(config, cod),
    catalog,
    cod,
    content: new ContentService(audience, audit),
    contracts,
    csvImport: new CsvImportService(catalog, audit),
    identity: new IdentityService(config, throttle, audit),
    insights: new InsightsService(config, audience),
    ordering: new OrderingService(config, cod, catalog, audit),
    payment: new PaymentService(audit),
    quoting,
    recommendations: new RecommendationsService(),
  };
}

export type Services = Awaited<ReturnType<typeof createServices>>;
