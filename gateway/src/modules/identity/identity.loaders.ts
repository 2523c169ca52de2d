import DataLoader from 'dataloader';
import type { Context } from '../../api/context.js';
import { byKey, groupByKey } from '../../common/batch.js';
import { findIn } from '../../db/find-in.js';
import { Company } from './company.entity.js';
import { CompanyMember } from './company-member.entity.js';
import { Seller } from './seller.entity.js';
import { SellerStaff } from './seller-staff.entity.js';
import { User } from './user.entity.js';

export function createIdentityLoaders(ctx: Context) {
  return {
    user: new DataLoader<number, User | null>(async (ids) =>
      byKey(ids, await findIn(ctx.em, User, 'id', ids), (u) => u.id),
    ),
    company: new DataLoader<number, Company | null>(async (ids) =>
      byKey(ids, await findIn(ctx.em, Company, 'id', ids), (c) => c.id),
    ),
    seller: new DataLoader<number, Seller | null>(async (ids) =>
      byKey(ids, await findIn(ctx.em, Seller, 'id', ids), (s) => s.id),
    ),
    membershipsOfUser: new DataLoader<number, CompanyMember[]>(async (ids) =>
      groupByKey(
        ids,
        await findIn(ctx.em, CompanyMember, 'userId', ids, [['id', 'ASC']]),
        (m) => m.userId,
      ),
    ),
    membersOfCompany: new DataLoader<number, CompanyMember[]>(async (ids) =>
      groupByKey(
        ids,
        await findIn(ctx.em, CompanyMember, 'companyId', ids, [['id', 'ASC']]),
        (m) => m.companyId,
      ),
    ),
    staffOfUser: new DataLoader<number, SellerStaff | null>(async (ids) =>
      byKey(ids, await findIn(ctx.em, SellerStaff, 'userId', ids), (s) => s.userId),
    ),
  };
}
