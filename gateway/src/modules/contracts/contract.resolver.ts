import {
  Arg,
  Authorized,
  createUnionType,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { requireViewer, type Context } from '../../api/context.js';
import { InvalidStateError, NotFoundError } from '../../api/errors.js';
import { Transaction } from '../../api/transaction.js';
import { Company } from '../identity/company.entity.js';
import { Seller } from '../identity/seller.entity.js';
import { Installment, installmentsOf } from '../quoting/payment-terms.js';
import { Contract, ContractLine, ContractStatus } from './contract.entity.js';

const ContractResult = createUnionType({
  name: 'ContractResult',
  types: () => [Contract, NotFoundError, InvalidStateError] as const,
});

@Resolver()
export class ContractResolver {
  @Authorized()
  @Mutation(() => ContractResult, {
    description:
      "Signs for your side (company admins or management approvers; the seller's staff).",
  })
  @Transaction()
  signContract(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.contracts.sign(ctx, requireViewer(ctx), id);
  }

  @Authorized()
  @Query(() => Contract, {
    nullable: true,
    description: 'A contract of your company or your shop; null otherwise (as if missing).',
  })
  contract(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.contracts.contract(ctx, requireViewer(ctx), id);
  }

  @Authorized()
  @Query(() => [Contract], { description: 'Your companies’ or shop’s contracts, newest first.' })
  contracts(
    @Arg('status', () => ContractStatus, { nullable: true }) status: ContractStatus | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.contracts.contracts(ctx, requireViewer(ctx), status);
  }
}

@Resolver(() => Contract)
export class ContractFieldsResolver {
  @FieldResolver(() => [ContractLine])
  lines(@Root() contract: Contract, @Ctx() ctx: Context) {
    return ctx.services.contracts.lines(ctx, contract.id);
  }

  @FieldResolver(() => Company)
  company(@Root() contract: Contract, @Ctx() ctx: Context) {
    return ctx.loaders.identity.company.load(contract.companyId);
  }

  @FieldResolver(() => Seller)
  seller(@Root() contract: Contract, @Ctx() ctx: Context) {
    return ctx.loaders.identity.seller.load(contract.sellerId);
  }

  @FieldResolver(() => [Installment], { description: 'INSTALLMENTS: each milestone’s amount.' })
  installments(@Root() contract: Contract): Installment[] {
    return installmentsOf(contract.paymentTerms, contract.totalAmount, contract.currency);
  }
}
