import type { DataSource } from 'typeorm';
import type { Config } from '../config/config.js';
import { AuditService } from '../modules/audit/audit.service.js';
import { CatalogService } from '../modules/catalog/catalog.service.js';
import { CsvImportService } from '../modules/catalog/csv-import.service.js';
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
  return {
    audit,
    cart: new CartService(config, cod),
    catalog,
    cod,
    csvImport: new CsvImportService(catalog, audit),
    identity: new IdentityService(config, throttle, audit),
    ordering: new OrderingService(config, cod, catalog, audit),
    payment: new PaymentService(audit),
  };
}

export type Services = Awaited<ReturnType<typeof createServices>>;
