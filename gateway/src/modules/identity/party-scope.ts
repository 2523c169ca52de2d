import { Brackets, In, type FindOperator } from 'typeorm';
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

/**
 * `partyScope` for a query builder over `alias`: their companies' rows, and their seller's rows
 * that `sellerSees` (SQL, optional) also allows.
 */
export function partyScopeWhere(viewer: Viewer, alias: string, sellerSees?: string): Brackets {
  const companies = viewer.memberships.map((m) => m.companyId);
  const seller = viewer.sellerId;
  return new Brackets((scope) => {
    scope.where('1 = 0');
    if (companies.length)
      scope.orWhere(`${alias}.companyId IN (:...scopeCompanies)`, { scopeCompanies: companies });
    if (seller !== null) {
      const own = `${alias}.sellerId = :scopeSeller`;
      scope.orWhere(sellerSees ? `(${own} AND ${sellerSees})` : own, { scopeSeller: seller });
    }
  });
}
