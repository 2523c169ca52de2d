import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { Context } from '../../api/context.js';
import { byKey, groupByKey } from '../../common/batch.js';
import { Company } from './company.entity.js';
import { CompanyMember } from './company-member.entity.js';
import { Seller } from './seller.entity.js';
import { SellerStaff } from './seller-staff.entity.js';
import { User } from './user.entity.js';

export function createIdentityLoaders(ctx: Context) {
  return {
    user: new DataLoader<number, User | null>(async (ids) =>
      byKey(ids, await ctx.em.findBy(User, { id: In([...ids]) }), (u) => u.id),
    ),
    company: new DataLoader<number, Company | null>(async (ids) =>
      byKey(ids, await ctx.em.findBy(Company, { id: In([...ids]) }), (c) => c.id),
    ),
    seller: new DataLoader<number, Seller | null>(async (ids) =>
      byKey(ids, await ctx.em.findBy(Seller, { id: In([...ids]) }), (s) => s.id),
    ),
    membershipsOfUser: new DataLoader<number, CompanyMember[]>(async (ids) =>
      groupByKey(
        ids,
        await ctx.em.find(CompanyMember, { where: { userId: In([...ids]) }, order: { id: 'ASC' } }),
        (m) => m.userId,
      ),
    ),
    membersOfCompany: new DataLoader<number, CompanyMember[]>(async (ids) =>
      groupByKey(
        ids,
        await ctx.em.find(CompanyMember, {
          where: { companyId: In([...ids]) },
          order: { id: 'ASC' },
        }),
        (m) => m.companyId,
      ),
    ),
    staffOfUser: new DataLoader<number, SellerStaff | null>(async (ids) =>
      byKey(ids, await ctx.em.findBy(SellerStaff, { userId: In([...ids]) }), (s) => s.userId),
    ),
  };
}
