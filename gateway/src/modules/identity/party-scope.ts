import { In, type FindOperator } from 'typeorm';
import type { Viewer } from '../../api/context.js';

/**
 * The rows a viewer sees as a party to B2B documents (quotes, contracts...): their companies'
 * and their seller's, as TypeORM `where` alternatives, each narrowed by `extra`. Empty: none.
 */
export function partyScope<T extends object>(
  viewer: Viewer,
  extra: T,
): (T & { companyId?: FindOperator<number>; sellerId?: number })[] {
  const companies = viewer.memberships.map((m) => m.companyId);
  return [
    ...(companies.length ? [{ ...extra, companyId: In(companies) }] : []),
    ...(viewer.sellerId !== null ? [{ ...extra, sellerId: viewer.sellerId }] : []),
  ];
}
