import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Role } from '../../api/auth-checker.js';
import { requireViewer, type Context } from '../../api/context.js';
import { inTransaction, Transaction } from '../../api/transaction.js';
import { Company, CompanyStatus } from './company.entity.js';
import { CompanyMember } from './company-member.entity.js';
import {
  AuthPayload,
  AcceptInvitationInput,
  AcceptInvitationResult,
  AllCompaniesArgs,
  AllSellersArgs,
  CompanyConnection,
  CompanyMemberResult,
  CompanyResult,
  CreateSellerInput,
  InvitationPreviewResult,
  InviteCompanyMemberInput,
  InviteCompanyMemberResult,
  InviteSellerStaffInput,
  InviteSellerStaffResult,
  LoginInput,
  LoginResult,
  RegisterCompanyInput,
  RegisterInput,
  RegisterResult,
  ReviewCompanyInput,
  SellerConnection,
  SellerResult,
  SetCompanyMemberRolesInput,
} from './identity.types.js';
import { Invitation } from './invitation.entity.js';
import { Seller } from './seller.entity.js';
import { User } from './user.entity.js';

@Resolver()
export class IdentityResolver {
  @Query(() => User, { nullable: true, description: 'The signed-in user, or null.' })
  async me(@Ctx() ctx: Context): Promise<User | null> {
    return ctx.viewer?.user ?? null;
  }

  @Mutation(() => RegisterResult, {
    description: 'Creates a consumer account and signs it in (taking over a guest cart).',
  })
  @Transaction()
  async register(@Arg('input', () => RegisterInput) input: RegisterInput, @Ctx() ctx: Context) {
    const result = await ctx.services.identity.register(ctx, input);
    if (result instanceof AuthPayload && input.cartToken) {
      await ctx.services.cart.adoptGuestCart(ctx, input.cartToken);
    }
    return result;
  }

  @Mutation(() => LoginResult, {
    description:
      'Failed attempts are rate-limited per email and address. A guest cart given by its token ' +
      "merges into the account's cart.",
  })
  async login(@Arg('input', () => LoginInput) input: LoginInput, @Ctx() ctx: Context) {
    const result = await ctx.services.identity.login(ctx, input);
    const cartToken = input.cartToken;
    if (result instanceof AuthPayload && cartToken) {
      await inTransaction(ctx, () => ctx.services.cart.adoptGuestCart(ctx, cartToken));
    }
    return result;
  }

  @Mutation(() => Boolean, {
    description: 'Ends the current session; its token stops working everywhere.',
  })
  @Transaction()
  logout(@Ctx() ctx: Context) {
    return ctx.services.identity.logout(ctx);
  }

  @Query(() => InvitationPreviewResult, {
    description:
      'What the invitation with this token offers, for its invitee to see before accepting; ' +
      'no sign-in needed.',
  })
  invitation(@Arg('token', () => String) token: string, @Ctx() ctx: Context) {
    return ctx.services.identity.previewInvitation(ctx, token);
  }

  @Mutation(() => AcceptInvitationResult, {
    description: 'Creates the invited account and signs it in.',
  })
  @Transaction()
  acceptInvitation(
    @Arg('input', () => AcceptInvitationInput) input: AcceptInvitationInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.identity.acceptInvitation(ctx, input);
  }

  @Authorized()
  @Query(() => [Company], {
    description:
      'The companies you are a member of; platform admins list every company with allCompanies.',
  })
  companies(
    @Arg('status', () => CompanyStatus, { nullable: true }) status: CompanyStatus | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.identity.companies(requireViewer(ctx), status);
  }

  @Authorized(Role.PLATFORM_ADMIN)
  @Query(() => CompanyConnection, {
    description: 'Every company, a page at a time, oldest registration first (platform admins).',
  })
  allCompanies(@Args(() => AllCompaniesArgs) args: AllCompaniesArgs, @Ctx() ctx: Context) {
    return ctx.services.identity.allCompanies(ctx, args);
  }

  @Authorized(Role.PLATFORM_ADMIN)
  @Query(() => SellerConnection, {
    description: 'Every seller, suspended ones too, a page at a time, by name (platform admins).',
  })
  allSellers(@Args(() => AllSellersArgs) args: AllSellersArgs, @Ctx() ctx: Context) {
    return ctx.services.identity.allSellers(ctx, args);
  }

  @Authorized()
  @Mutation(() => CompanyResult, {
    description: 'Registers a company (pending verification); you become its admin.',
  })
  @Transaction()
  async registerCompany(
    @Arg('input', () => RegisterCompanyInput) input: RegisterCompanyInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.identity.registerCompany(ctx, requireViewer(ctx), input);
  }

  @Authorized(Role.PLATFORM_ADMIN)
  @Mutation(() => CompanyResult, { description: 'Verifies or rejects a pending company.' })
  @Transaction()
  async reviewCompany(
    @Arg('input', () => ReviewCompanyInput) input: ReviewCompanyInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.identity.reviewCompany(ctx, requireViewer(ctx), input);
  }

  @Authorized(Role.COMPANY_MEMBER)
  @Mutation(() => InviteCompanyMemberResult)
  @Transaction()
  async inviteCompanyMember(
    @Arg('input', () => InviteCompanyMemberInput) input: InviteCompanyMemberInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.identity.inviteCompanyMember(ctx, requireViewer(ctx), input);
  }

  @Authorized(Role.COMPANY_MEMBER)
  @Mutation(() => CompanyMemberResult)
  @Transaction()
  async setCompanyMemberRoles(
    @Arg('input', () => SetCompanyMemberRolesInput) input: SetCompanyMemberRolesInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.identity.setCompanyMemberRoles(ctx, requireViewer(ctx), input);
  }

  @Authorized(Role.PLATFORM_ADMIN)
  @Mutation(() => SellerResult)
  @Transaction()
  async createSeller(
    @Arg('input', () => CreateSellerInput) input: CreateSellerInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.identity.createSeller(ctx, requireViewer(ctx), input);
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.SELLER_STAFF)
  @Mutation(() => InviteSellerStaffResult)
  @Transaction()
  async inviteSellerStaff(
    @Arg('input', () => InviteSellerStaffInput) input: InviteSellerStaffInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.identity.inviteSellerStaff(ctx, requireViewer(ctx), input);
  }
}

@Resolver(() => User)
export class UserFieldsResolver {
  @FieldResolver(() => [CompanyMember], {
    description: 'Your memberships (only visible on yourself).',
  })
  async memberships(@Root() user: User, @Ctx() ctx: Context): Promise<CompanyMember[]> {
    const viewer = ctx.viewer;
    if (viewer?.user.id !== user.id && !viewer?.user.isPlatformAdmin) return [];
    return ctx.loaders.identity.membershipsOfUser.load(user.id);
  }

  @FieldResolver(() => Seller, { nullable: true, description: 'The seller this user is staff of.' })
  async seller(@Root() user: User, @Ctx() ctx: Context): Promise<Seller | null> {
    const staff = await ctx.loaders.identity.staffOfUser.load(user.id);
    return staff ? ctx.loaders.identity.seller.load(staff.sellerId) : null;
  }
}

@Resolver(() => CompanyMember)
export class CompanyMemberFieldsResolver {
  @FieldResolver(() => Company)
  async company(@Root() member: CompanyMember, @Ctx() ctx: Context): Promise<Company> {
    return (await ctx.loaders.identity.company.load(member.companyId)) as Company;
  }

  @FieldResolver(() => User)
  async user(@Root() member: CompanyMember, @Ctx() ctx: Context): Promise<User> {
    return (await ctx.loaders.identity.user.load(member.userId)) as User;
  }
}

@Resolver(() => Company)
export class CompanyFieldsResolver {
  @FieldResolver(() => [CompanyMember], {
    description: 'Visible to the company and platform admins.',
  })
  async members(@Root() company: Company, @Ctx() ctx: Context): Promise<CompanyMember[]> {
    const viewer = requireViewer(ctx);
    const isMember = viewer.memberships.some((m) => m.companyId === company.id);
    if (!isMember && !viewer.user.isPlatformAdmin) return [];
    return ctx.loaders.identity.membersOfCompany.load(company.id);
  }

  @FieldResolver(() => [Invitation], {
    description:
      'Invitations not accepted yet nor expired, newest first; visible to the company admins.',
  })
  invitations(@Root() company: Company, @Ctx() ctx: Context): Promise<Invitation[]> {
    return ctx.services.identity.pendingInvitations(ctx, requireViewer(ctx), company.id);
  }
}
