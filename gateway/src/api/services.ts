import type { DataSource } from 'typeorm';
import type { Config } from '../config/config.js';
import { AuditService } from '../modules/audit/audit.service.js';
import { CatalogService } from '../modules/catalog/catalog.service.js';
import { CsvImportService } from '../modules/catalog/csv-import.service.js';
import { IdentityService } from '../modules/identity/identity.service.js';
import { LoginThrottle } from '../modules/identity/login-throttle.js';

/** The services, made once per process. They hold no request state: each call gets `ctx`. */
export async function createServices(config: Config, dataSource: DataSource) {
  const audit = new AuditService();
  const throttle = await LoginThrottle.create(dataSource, config);
  const catalog = new CatalogService(audit);
  return {
    audit,
    catalog,
    csvImport: new CsvImportService(catalog, audit),
    identity: new IdentityService(config, throttle, audit),
  };
}

export type Services = Awaited<ReturnType<typeof createServices>>;
