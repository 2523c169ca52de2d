import { Length, ValidateNested } from 'class-validator';
import {
  Arg,
  Authorized,
  createUnionType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Mutation,
  Resolver,
  Root,
} from 'type-graphql';
import { Role } from '../../api/auth-checker.js';
import { requireViewer, type Context, type Viewer } from '../../api/context.js';
import { forbidden, NotFoundError } from '../../api/errors.js';
import { Transaction } from '../../api/transaction.js';
import { parseId } from '../../common/batch.js';
import { forUpdate } from '../../db/locks.js';
import { AddressInput, validateAddress } from '../ordering/address.js';
import { InvalidAddressError } from '../ordering/ordering.types.js';
import { CompanyAddress } from './company-address.entity.js';
import { Company } from './company.entity.js';

@InputType()
class SaveCompanyAddressInput {
  @Field(() => ID, { nullable: true, description: 'The address to change; null adds one.' })
  id: string | null;

  @Field(() => ID)
  companyId: string;

  @Field(() => String)
  @Length(1, 60)
  label: string;

  @Field(() => AddressInput)
  @ValidateNested()
  address: AddressInput;

  @Field(() => Boolean, { defaultValue: false, description: 'Make it the default one.' })
  isDefault: boolean;
}

const CompanyAddressResult = createUnionType({
  name: 'CompanyAddressResult',
  types: () => [CompanyAddress, NotFoundError, InvalidAddressError] as const,
});

/** The company the viewer administers, or a FORBIDDEN / NOT_FOUND for anyone else. */
function administered(viewer: Viewer, companyId: number | null): number | null {
  const membership = viewer.memberships.find((m) => m.companyId === companyId);
  if (!companyId || !membership) return null;
  if (!membership.roles.includes('COMPANY_ADMIN')) {
    throw forbidden("Only the company's admins manage its addresses");
  }
  return companyId;
}

/** Company delivery addresses: kept by the company's admins, used by its buyers' requests. */
@Resolver(() => Company)
export class CompanyAddressResolver {
  @Authorized(Role.COMPANY_MEMBER)
  @Mutation(() => CompanyAddressResult, {
    description: "Adds or changes one of your company's delivery addresses (company admins).",
  })
  @Transaction()
  async saveCompanyAddress(
    @Arg('input', () => SaveCompanyAddressInput) input: SaveCompanyAddressInput,
    @Ctx() ctx: Context,
  ) {
    const viewer = requireViewer(ctx);
    const companyId = administered(viewer, parseId(input.companyId));
    if (!companyId) return new NotFoundError('Company');
    const checked = validateAddress(input.address, 'address');
    if ('problems' in checked) return new InvalidAddressError(checked.problems);
    let saved: CompanyAddress;
    if (input.id) {
      const id = parseId(input.id);
      const existing = id
        ? await ctx.em.findOne(CompanyAddress, { where: { id, companyId }, ...forUpdate(ctx.em) })
        : null;
      if (!existing) return new NotFoundError('Address');
      saved = existing;
    } else {
      saved = ctx.em.create(CompanyAddress, { companyId });
    }
    const first = !(await ctx.em.existsBy(CompanyAddress, { companyId }));
    Object.assign(saved, {
      label: input.label.trim(),
      address: checked.address,
      isDefault: input.isDefault || first || (saved.isDefault ?? false),
    });
    if (saved.isDefault) await ctx.em.update(CompanyAddress, { companyId }, { isDefault: false });
    await ctx.em.save(saved);
    await ctx.services.audit.record(ctx, viewer, 'company_address', saved.id, 'saved');
    return saved;
  }

  @Authorized(Role.COMPANY_MEMBER)
  @Mutation(() => Boolean, {
    description: "Removes one of your company's addresses (company admins); true if it existed.",
  })
  @Transaction()
  async removeCompanyAddress(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    const viewer = requireViewer(ctx);
    const address = await ctx.em.findOneBy(CompanyAddress, { id: parseId(id) ?? 0 });
    if (!address || !administered(viewer, address.companyId)) return false;
    await ctx.em.delete(CompanyAddress, { id: address.id });
    if (address.isDefault) {
      const next = await ctx.em.findOne(CompanyAddress, {
        where: { companyId: address.companyId },
        order: { id: 'ASC' },
      });
      if (next) await ctx.em.update(CompanyAddress, { id: next.id }, { isDefault: true });
    }
    await ctx.services.audit.record(ctx, viewer, 'company_address', address.id, 'removed');
    return true;
  }

  @FieldResolver(() => [CompanyAddress], {
    description: 'Delivery addresses, the default first; visible to the company.',
  })
  async addresses(@Root() company: Company, @Ctx() ctx: Context): Promise<CompanyAddress[]> {
    const viewer = requireViewer(ctx);
    if (!viewer.memberships.some((m) => m.companyId === company.id)) return [];
    return ctx.em.find(CompanyAddress, {
      where: { companyId: company.id },
      order: { isDefault: 'DESC', id: 'ASC' },
    });
  }
}
