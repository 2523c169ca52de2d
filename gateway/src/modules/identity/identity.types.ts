import {
  IsEmail,
  IsIn,
  IsOptional,
  Length,
  Matches,
  MaxLength,
  ArrayMinSize,
  ArrayUnique,
  ValidateNested,
} from 'class-validator';
import {
  ArgsType,
  createUnionType,
  Field,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from 'type-graphql';
import {
  AlreadyExistsError,
  BaseErrorResult,
  ErrorCode,
  ErrorResult,
  InvalidStateError,
  NotFoundError,
} from '../../api/errors.js';
import { connectionOf, PageArgs } from '../../api/pagination.js';
import { Company, CompanyStatus } from './company.entity.js';
import {
  CompanyMember,
  CompanyRole,
  Department,
  companyRoles,
  departments,
} from './company-member.entity.js';
import { Invitation } from './invitation.entity.js';
import { Seller, SellerStatus } from './seller.entity.js';
import { User } from './user.entity.js';
import { InputProblemCode, refusedAs } from '../../api/input-problems.js';

@ObjectType({
  description: 'A signed-in session: send `token` as `Authorization: Bearer <token>`.',
  simpleResolvers: true,
})
export class AuthPayload {
  @Field(() => String)
  token: string;

  @Field(() => User)
  user: User;

  @Field(() => Date)
  expiresAt: Date;
}

@ObjectType({ implements: ErrorResult, simpleResolvers: true })
export class InvalidCredentialsError extends BaseErrorResult {
  constructor() {
    super(ErrorCode.INVALID_CREDENTIALS, 'The email or password is wrong');
  }
}

@ObjectType({ implements: ErrorResult, simpleResolvers: true })
export class TooManyAttemptsError extends BaseErrorResult {
  @Field(() => Int)
  retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    super(
      ErrorCode.TOO_MANY_ATTEMPTS,
      `Too many failed sign-ins; try again in ${retryAfterSeconds} s`,
    );
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

@ObjectType({ implements: ErrorResult, simpleResolvers: true })
export class EmailTakenError extends BaseErrorResult {
  constructor() {
    super(ErrorCode.EMAIL_TAKEN, 'An account with this email exists already');
  }
}

export enum InvitationInvalidReason {
  UNKNOWN = 'UNKNOWN',
  EXPIRED = 'EXPIRED',
  USED = 'USED',
}
registerEnumType(InvitationInvalidReason, {
  name: 'InvitationInvalidReason',
  description: 'Why an invitation cannot be accepted.',
  valuesConfig: {
    UNKNOWN: { description: 'No invitation has this token.' },
    EXPIRED: { description: 'Its time ran out before it was accepted.' },
    USED: { description: 'It was accepted already.' },
  },
});

@ObjectType({ implements: ErrorResult, simpleResolvers: true })
export class InvitationInvalidError extends BaseErrorResult {
  @Field(() => InvitationInvalidReason)
  reason: InvitationInvalidReason;

  constructor(reason: InvitationInvalidReason) {
    super(ErrorCode.INVITATION_INVALID, 'The invitation is unknown, used or expired');
    this.reason = reason;
  }
}

export enum InvitationKind {
  COMPANY_MEMBER = 'COMPANY_MEMBER',
  SELLER_STAFF = 'SELLER_STAFF',
}
registerEnumType(InvitationKind, {
  name: 'InvitationKind',
  description: "What accepting makes of the invitee: a company's member or a seller's staff.",
});

/**
 * What the holder of an invitation's token may see before accepting it: only what the invitation
 * itself says, so a token grants no look at the company or seller behind it.
 */
@ObjectType({
  description: 'An open invitation as its invitee sees it before accepting.',
  simpleResolvers: true,
})
export class InvitationPreview {
  @Field(() => InvitationKind)
  kind: InvitationKind;

  @Field(() => String, { description: 'The name of the company or seller to join.' })
  organizationName: string;

  @Field(() => String, { description: 'The account to be made has this email.' })
  email: string;

  @Field(() => [CompanyRole], { description: "The member's roles; empty for seller staff." })
  roles: CompanyRole[];

  @Field(() => Department, { nullable: true })
  department: Department | null;

  @Field(() => Date)
  expiresAt: Date;
}

@ObjectType({
  description: 'A new invitation; `token` is shown only here, to pass on to the invitee.',
  simpleResolvers: true,
})
export class InvitationPayload {
  @Field(() => Invitation)
  invitation: Invitation;

  @Field(() => String)
  token: string;
}

const email = () => [IsEmail({}, { message: 'must be an email address' }), MaxLength(254)];
function applyAll(decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((d) => d(target, key));
}
const IsAccountEmail = () => applyAll(email());
const IsPassword = () => Length(10, 200, { message: 'must be 10 to 200 characters' });

@InputType()
export class RegisterInput {
  @Field(() => String)
  @IsAccountEmail()
  email: string;

  @Field(() => String)
  @IsPassword()
  password: string;

  @Field(() => String)
  @Length(1, 100)
  name: string;

  @Field(() => String, {
    nullable: true,
    description: "A guest cart's token: its lines move into the account's cart.",
  })
  @IsOptional()
  @Length(1, 64)
  cartToken?: string | null;
}

@InputType()
export class LoginInput {
  @Field(() => String)
  @MaxLength(254)
  email: string;

  @Field(() => String)
  @MaxLength(200)
  password: string;

  @Field(() => String, {
    nullable: true,
    description: "A guest cart's token: its lines move into the account's cart.",
  })
  @IsOptional()
  @Length(1, 64)
  cartToken?: string | null;
}

@InputType()
export class RegisterCompanyInput {
  @Field(() => String)
  @Length(2, 200)
  name: string;

  @Field(() => String, { description: 'Business registration or tax number.' })
  @Matches(
    /^[A-Za-z0-9-]{4,64}$/,
    refusedAs(InputProblemCode.LETTERS_DIGITS_DASHES, 'must be 4 to 64 letters, digits or dashes', {
      min: 4,
      max: 64,
    }),
  )
  registrationNumber: string;
}

export enum CompanyDecision {
  VERIFY = 'VERIFY',
  REJECT = 'REJECT',
}
registerEnumType(CompanyDecision, { name: 'CompanyDecision' });

@InputType()
export class ReviewCompanyInput {
  @Field(() => ID)
  companyId: string;

  @Field(() => CompanyDecision)
  @IsIn(Object.values(CompanyDecision))
  decision: CompanyDecision;

  @Field(() => String, {
    defaultValue: '',
    description: 'Why; required to reject. Kept in the audit trail.',
  })
  @MaxLength(1000)
  reason: string;
}

@InputType()
export class InviteCompanyMemberInput {
  @Field(() => ID)
  companyId: string;

  @Field(() => String)
  @IsAccountEmail()
  email: string;

  @Field(() => [CompanyRole])
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(companyRoles, { each: true })
  roles: CompanyRole[];

  @Field(() => Department, { nullable: true, description: 'Required with APPROVER.' })
  @IsOptional()
  @IsIn(departments)
  department?: Department | null;
}

@InputType()
export class SetCompanyMemberRolesInput {
  @Field(() => ID)
  memberId: string;

  @Field(() => [CompanyRole])
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(companyRoles, { each: true })
  roles: CompanyRole[];

  @Field(() => Department, { nullable: true })
  @IsOptional()
  @IsIn(departments)
  department?: Department | null;
}

@InputType()
export class AcceptInvitationInput {
  @Field(() => String)
  @Length(20, 100)
  token: string;

  @Field(() => String, { description: 'Your name, for a new account.' })
  @Length(1, 100)
  name: string;

  @Field(() => String)
  @IsPassword()
  password: string;
}

@InputType()
export class CreateSellerInput {
  @Field(() => String)
  @Length(2, 200)
  name: string;

  @Field(() => String)
  @Matches(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    refusedAs(InputProblemCode.SLUG, 'must be lower-case words joined by dashes'),
  )
  @MaxLength(100)
  slug: string;

  @Field(() => String, { defaultValue: '' })
  @MaxLength(5000)
  description: string;
}

@InputType()
export class InviteSellerStaffInput {
  @Field(() => ID)
  sellerId: string;

  @Field(() => String)
  @IsAccountEmail()
  email: string;
}

export const RegisterResult = createUnionType({
  name: 'RegisterResult',
  types: () => [AuthPayload, EmailTakenError] as const,
});
export const LoginResult = createUnionType({
  name: 'LoginResult',
  types: () => [AuthPayload, InvalidCredentialsError, TooManyAttemptsError] as const,
});
export const CompanyResult = createUnionType({
  name: 'CompanyResult',
  types: () => [Company, AlreadyExistsError, NotFoundError, InvalidStateError] as const,
});
export const InviteCompanyMemberResult = createUnionType({
  name: 'InviteCompanyMemberResult',
  description:
    'An existing account is added at once (CompanyMember); otherwise an invitation is made.',
  types: () => [CompanyMember, InvitationPayload, AlreadyExistsError, NotFoundError] as const,
});
export const CompanyMemberResult = createUnionType({
  name: 'CompanyMemberResult',
  types: () => [CompanyMember, NotFoundError, InvalidStateError] as const,
});
export const InvitationPreviewResult = createUnionType({
  name: 'InvitationPreviewResult',
  types: () => [InvitationPreview, InvitationInvalidError] as const,
});
export const AcceptInvitationResult = createUnionType({
  name: 'AcceptInvitationResult',
  types: () => [AuthPayload, InvitationInvalidError, EmailTakenError] as const,
});
export const SellerResult = createUnionType({
  name: 'SellerResult',
  types: () => [Seller, AlreadyExistsError] as const,
});
export const InviteSellerStaffResult = createUnionType({
  name: 'InviteSellerStaffResult',
  description: 'An existing account is added at once (User); otherwise an invitation is made.',
  types: () => [User, InvitationPayload, AlreadyExistsError, NotFoundError] as const,
});

@InputType()
export class CompanyFilter {
  @Field(() => CompanyStatus, { nullable: true })
  status?: CompanyStatus | null;

  @Field(() => String, {
    nullable: true,
    description: 'Part of the name or registration number, in any letter case.',
  })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;
}

export enum CompanySort {
  CREATED_ASC = 'CREATED_ASC',
  CREATED_DESC = 'CREATED_DESC',
  NAME_ASC = 'NAME_ASC',
  NAME_DESC = 'NAME_DESC',
}

registerEnumType(CompanySort, {
  name: 'CompanySort',
  description: 'By registration on the platform, oldest or newest first; or by name.',
});

@ArgsType()
export class AllCompaniesArgs extends PageArgs {
  @Field(() => CompanyFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: CompanyFilter | null;

  @Field(() => CompanySort, { defaultValue: CompanySort.CREATED_ASC })
  sort: CompanySort;
}

export const CompanyConnection = connectionOf(Company, {
  description: 'A page of companies (Relay connection).',
  counted: 'Companies matching the filter',
});
export type CompanyConnection = InstanceType<typeof CompanyConnection>;

@InputType()
export class SellerFilter {
  @Field(() => SellerStatus, { nullable: true })
  status?: SellerStatus | null;

  @Field(() => String, {
    nullable: true,
    description: 'Part of the name or slug, in any letter case.',
  })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;
}

export enum SellerSort {
  NAME_ASC = 'NAME_ASC',
  NAME_DESC = 'NAME_DESC',
  CREATED_DESC = 'CREATED_DESC',
  CREATED_ASC = 'CREATED_ASC',
}

registerEnumType(SellerSort, {
  name: 'SellerSort',
  description: 'By name; or by creation, newest or oldest first.',
});

@ArgsType()
export class AllSellersArgs extends PageArgs {
  @Field(() => SellerFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: SellerFilter | null;

  @Field(() => SellerSort, { defaultValue: SellerSort.NAME_ASC })
  sort: SellerSort;
}

export const SellerConnection = connectionOf(Seller, {
  description: 'A page of sellers (Relay connection).',
  counted: 'Sellers matching the filter',
});
export type SellerConnection = InstanceType<typeof SellerConnection>;
