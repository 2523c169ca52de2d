import { Arg, Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { Role } from '../../api/auth-checker.js';
import { requireViewer, type Context } from '../../api/context.js';
import { AccountConnection } from '../audience/audience.types.js';
import { ContractConnection } from '../contracts/contract.types.js';
import {
  LapsedCustomersArgs,
  LifecycleFunnelInput,
  LifecycleFunnels,
  RenewalsAtRiskArgs,
} from './insights.types.js';

@Resolver()
export class InsightsResolver {
  @Authorized(Role.PLATFORM_ADMIN, Role.SELLER_STAFF)
  @Query(() => LifecycleFunnels, {
    description:
      'The B2C and B2B lifecycle funnels of the cohorts entering them within a range, whole and ' +
      "per bucket: your shop's customers and business (seller staff) or everyone's (admins). " +
      'See FunnelStage for what each stage counts.',
  })
  lifecycleFunnel(
    @Arg('input', () => LifecycleFunnelInput) input: LifecycleFunnelInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.insights.funnels(ctx, requireViewer(ctx), input);
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.SELLER_STAFF)
  @Query(() => ContractConnection, {
    description:
      'Accounts at risk: framework agreements in force (yours; admins: all) ending within ' +
      '`days`, not renewed (no later framework agreement between the same company and seller, ' +
      'signed or awaiting signatures), soonest end first.',
  })
  renewalsAtRisk(@Args(() => RenewalsAtRiskArgs) args: RenewalsAtRiskArgs, @Ctx() ctx: Context) {
    return ctx.services.insights.renewalsAtRisk(ctx, requireViewer(ctx), args);
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.SELLER_STAFF)
  @Query(() => AccountConnection, {
    description:
      'Accounts at risk: your customers (admins: anyone) who bought from you before but not in ' +
      'the last `days` (the LAPSED segment rule), by id.',
  })
  lapsedCustomers(@Args(() => LapsedCustomersArgs) args: LapsedCustomersArgs, @Ctx() ctx: Context) {
    return ctx.services.insights.lapsedCustomers(ctx, requireViewer(ctx), args);
  }
}
