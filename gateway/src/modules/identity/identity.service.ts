import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { IsNull, MoreThan, type EntityManager, type EntityTarget } from 'typeorm';
import type { Config } from '../../config/config.js';
import type { Context, Viewer } from '../../api/context.js';
import {
  AlreadyExistsError,
  badInput,
  forbidden,
  InvalidStateError,
  NotFoundError,
} from '../../api/errors.js';
import { InputProblemCode } from '../../api/input-problems.js';
import { keysetPage, type Keyset, type PageArgs } from '../../api/pagination.js';
import { inTransaction } from '../../api/transaction.js';
import { parseId } from '../../common/batch.js';
import { containsAny } from '../../db/contains.js';
import { hydrate, selectColumns, sqlNames } from '../../db/find-in.js';
import { forUpdate } from '../../db/locks.js';
import { StateMachine } from '../../common/state-machine.js';
import type { AuditService } from '../audit/audit.service.js';
import { Company, type CompanyStatus } from './company.entity.js';
import { CompanyMember, type CompanyRole, type Department } from './company-member.entity.js';
import {
  AuthPayload,
  CompanyConnection,
  CompanyDecision,
  EmailTakenError,
  InvalidCredentialsError,
  InvitationInvalidError,
  InvitationInvalidReason,
  InvitationKind,
  InvitationPayload,
  InvitationPreview,
  SellerConnection,
  TooManyAttemptsError,
  type AcceptInvitationInput,
  type AllCompaniesArgs,
  type AllSellersArgs,
  type CreateSellerInput,
  type InviteCompanyMemberInput,
  type InviteSellerStaffInput,
  type LoginInput,
  type RegisterCompanyInput,
  type RegisterInput,
  type ReviewCompanyInput,
  type SetCompanyMemberRolesInput,
} from './identity.types.js';
import { Invitation } from './invitation.entity.js';
import type { LoginThrottle } from './login-throttle.js';
import { decoyHash, hashPassword, verifyPassword } from './password.js';
import { Seller } from './seller.entity.js';
import { SellerStaff } from './seller-staff.entity.js';
import { Session } from './session.entity.js';
import { TokenSigner } from './token.js';
import { User } from './user.entity.js';

/** Company verification: pending until a platform admin decides. */
export const companyLifecycle = new StateMachine<CompanyStatus>('company', {
  PENDING: ['VERIFIED', 'REJECTED'],
  VERIFIED: [],
  REJECTED: [],
});

const INVITATION_TTL_DAYS = 7;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The viewer's session, user, memberships with their companies and seller staff row: one
 * statement per request (a row per membership).
 */
const viewerStatements = new WeakMap<object, string>();
function viewerSql(em: EntityManager): string {
  let sql = viewerStatements.get(em.connection);
  if (!sql) {
    const q = sqlNames(em);
    sql =
      `SELECT ${[
        selectColumns(em, Session, 's'),
        selectColumns(em, User, 'u'),
        selectColumns(em, CompanyMember, 'm'),
        selectColumns(em, Company, 'c'),
        selectColumns(em, SellerStaff, 'st'),
      ].join(', ')} ` +
      `FROM ${q('session')} ${q('s')} INNER JOIN ${q('user')} ${q('u')} ON ${q('u.id')} = ${q('s.userId')} ` +
      `LEFT JOIN ${q('company_member')} ${q('m')} ON ${q('m.userId')} = ${q('u.id')} ` +
      `LEFT JOIN ${q('company')} ${q('c')} ON ${q('c.id')} = ${q('m.companyId')} ` +
      `LEFT JOIN ${q('seller_staff')} ${q('st')} ON ${q('st.userId')} = ${q('u.id')} ` +
      `WHERE ${q('s.id')} = ? AND ${q('s.userId')} = ? AND ${q('s.expiresAt')} > ?`;
    viewerStatements.set(em.connection, sql);
  }
  return sql;
}

/** Accounts, sessions, companies and their members, sellers and their staff. */
export class IdentityService {
  private readonly signer: TokenSigner;

  constructor(
    private readonly config: Config,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
  ) {
    this.signer = new TokenSigner(config.authSecret);
  }

  async register(ctx: Context, input: RegisterInput): Promise<AuthPayload | EmailTakenError> {
    const email = normaliseEmail(input.email);
    if (await ctx.em.existsBy(User, { email })) return new EmailTakenError();
    const user = await ctx.em.save(
      ctx.em.create(User, {
        email,
        name: input.name.trim(),
        passwordHash: await hashPassword(input.password),
        isPlatformAdmin: false,
        // Registered as of the request's clock: the lifecycle funnel dates consumers by it.
        createdAt: ctx.now(),
      }),
    );
    return this.startSession(ctx, user);
  }

  /**
   * Not one transaction: failed attempts must be counted even though nothing else is written,
   * so only the new session is written in a transaction.
   */
  async login(
    ctx: Context,
    input: LoginInput,
  ): Promise<AuthPayload | InvalidCredentialsError | TooManyAttemptsError> {
    const email = normaliseEmail(input.email);
    const wait = await this.throttle.retryAfter(email, ctx.clientIp);
    if (wait > 0) return new TooManyAttemptsError(wait);
    const user = await ctx.em.findOneBy(User, { email });
    const ok = await verifyPassword(input.password, user?.passwordHash ?? (await decoyHash));
    if (!user || !ok) {
      await this.throttle.recordFailure(email, ctx.clientIp);
      return new InvalidCredentialsError();
    }
    await this.throttle.recordSuccess(email);
    return inTransaction(ctx, () => this.startSession(ctx, user));
  }

  async logout(ctx: Context): Promise<boolean> {
    const viewer = ctx.viewer;
    if (!viewer) return false;
    await ctx.em.delete(Session, { id: viewer.sessionId });
    await ctx.actAs(null);
    return true;
  }

  private async startSession(ctx: Context, user: User): Promise<AuthPayload> {
    const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3600_000);
    const session = await ctx.em.save(
      ctx.em.create(Session, { id: randomUUID(), userId: user.id, expiresAt }),
    );
    const payload = new AuthPayload();
    payload.user = user;
    payload.expiresAt = expiresAt;
    payload.token = await this.signer.sign({ userId: user.id, sessionId: session.id }, expiresAt);
    await ctx.actAs(payload.token);
    return payload;
  }

  /** The viewer a bearer token stands for: one statement (session, user, memberships, staff). */
  async viewerForToken(em: EntityManager, token: string): Promise<Viewer | null> {
    const claims = await this.signer.verify(token);
    if (!claims) return null;
    // One hand-written statement, hydrated through the entities' column conversions: it runs
    // on every signed-in request, where TypeORM's query builder and result transformer cost more
    // than the statement (see db/find-in.ts).
    const { driver } = em.connection;
    const expiresAt = em.connection.getMetadata(Session).findColumnWithPropertyName('expiresAt')!;
    const rows = (await em.query(viewerSql(em), [
      claims.sessionId,
      claims.userId,
      driver.preparePersistentValue(new Date(), expiresAt),
    ])) as Record<string, unknown>[];
    const first = rows[0];
    if (!first) return null;
    const [user] = hydrate(em, User, [first], 'u') as [User];
    const members = new Map<unknown, Record<string, unknown>>();
    for (const row of rows) if (row.m_id !== null) members.set(row.m_id, row);
    const memberRows = [...members.values()];
    const companies = hydrate(em, Company, memberRows, 'c');
    const memberships = hydrate(em, CompanyMember, memberRows, 'm').map((m, i) =>
      Object.assign(m, { company: companies[i]! }),
    );
    return {
      user,
      sessionId: first.s_id as string,
      memberships,
      sellerId: (first.st_sellerId as number | null) ?? null,
    };
  }

  async registerCompany(ctx: Context, viewer: Viewer, input: RegisterCompanyInput) {
    const registrationNumber = input.registrationNumber.toUpperCase();
    if (await ctx.em.existsBy(Company, { registrationNumber })) {
      return new AlreadyExistsError(
        'registrationNumber',
        'A company with this registration number exists',
      );
    }
    const company = await ctx.em.save(
      ctx.em.create(Company, {
        name: input.name.trim(),
        registrationNumber,
        status: 'PENDING',
        verifiedAt: null,
      }),
    );
    await ctx.em.save(
      ctx.em.create(CompanyMember, {
        companyId: company.id,
        userId: viewer.user.id,
        roles: ['COMPANY_ADMIN', 'BUYER'],
        department: null,
      }),
    );
    await this.audit.record(ctx, viewer, 'company', company.id, 'registered', null, 'PENDING');
    return company;
  }

  async reviewCompany(ctx: Context, viewer: Viewer, input: ReviewCompanyInput) {
    const id = parseId(input.companyId);
    const company = id
      ? await ctx.em.findOne(Company, { where: { id }, ...forUpdate(ctx.em) })
      : null;
    if (!company) return new NotFoundError('Company');
    const to: CompanyStatus = input.decision === CompanyDecision.VERIFY ? 'VERIFIED' : 'REJECTED';
    if (!companyLifecycle.canTransition(company.status, to)) {
      return new InvalidStateError(`A ${company.status} company cannot become ${to}`);
    }
    const reason = input.reason.trim();
    if (to === 'REJECTED' && !reason)
      throw badInput('Say why the company is rejected', 'reason', InputProblemCode.REQUIRED);
    const from = company.status;
    company.status = to;
    company.verifiedAt = to === 'VERIFIED' ? ctx.now() : null;
    await ctx.em.save(company);
    await this.audit.record(
      ctx,
      viewer,
      'company',
      company.id,
      'reviewed',
      from,
      to,
      reason ? { reason } : null,
    );
    return company;
  }

  /** The companies the viewer is a member of. */
  companies(viewer: Viewer, status?: CompanyStatus | null): Company[] {
    const ids = viewer.memberships.map((m) => m.companyId);
    return viewer.memberships
      .map((m) => m.company)
      .filter((c, i) => ids.indexOf(c.id) === i && (!status || c.status === status));
  }

  /** Every company (platform admins): filtered, sorted and paged in SQL. */
  async allCompanies(ctx: Context, args: AllCompaniesArgs): Promise<CompanyConnection> {
    const page = await this.directoryPage(ctx, Company, ['registrationNumber'], args);
    return Object.assign(new CompanyConnection(), page);
  }

  /** Every seller, suspended ones too (platform admins): filtered, sorted and paged in SQL. */
  async allSellers(ctx: Context, args: AllSellersArgs): Promise<SellerConnection> {
    return Object.assign(
      new SellerConnection(),
      await this.directoryPage(ctx, Seller, ['slug'], args),
    );
  }

  /** A page of companies or sellers by status and words in the name or `alsoSearched`. */
  private directoryPage<T extends Company | Seller>(
    ctx: Context,
    entity: EntityTarget<T>,
    alsoSearched: string[],
    args: PageArgs & {
      filter?: { status?: T['status'] | null; search?: string | null } | null;
      sort: `${'NAME' | 'CREATED'}_${'ASC' | 'DESC'}`;
    },
  ) {
    const qb = ctx.em.createQueryBuilder(entity, 'd');
    const { status, search } = args.filter ?? {};
    if (status) qb.andWhere('d.status = :status', { status });
    const words = search?.trim();
    if (words) {
      const match = containsAny(['d.name', ...alsoSearched.map((column) => `d.${column}`)], words);
      qb.andWhere(match.sql, match.params);
    }
    const keyset: Keyset = {
      sql: args.sort.startsWith('NAME') ? 'd.name' : null,
      direction: args.sort.endsWith('ASC') ? 'ASC' : 'DESC',
    };
    return keysetPage(qb, 'd', keyset, args);
  }

  private requireCompanyAdmin(viewer: Viewer, companyId: number | null): number {
    const membership = viewer.memberships.find((m) => m.companyId === companyId);
    if (companyId === null || !membership?.roles.includes('COMPANY_ADMIN')) {
      throw forbidden('Only an admin of this company may manage its members');
    }
    return companyId;
  }

  private checkRoles(
    roles: CompanyRole[],
    department: Department | null | undefined,
  ): Department | null {
    if (roles.includes('APPROVER') && !department) {
      throw badInput(
        'An APPROVER needs a department',
        'input.department',
        InputProblemCode.REQUIRED,
      );
    }
    if (!roles.includes('APPROVER') && department) {
      throw badInput(
        'Only an APPROVER has a department',
        'input.department',
        InputProblemCode.NOT_APPLICABLE,
      );
    }
    return department ?? null;
  }

  async inviteCompanyMember(ctx: Context, viewer: Viewer, input: InviteCompanyMemberInput) {
    const companyId = this.requireCompanyAdmin(viewer, parseId(input.companyId));
    const department = this.checkRoles(input.roles, input.department);
    const email = normaliseEmail(input.email);
    const user = await ctx.em.findOneBy(User, { email });
    if (user) {
      if (await ctx.em.existsBy(CompanyMember, { companyId, userId: user.id })) {
        return new AlreadyExistsError('email', 'This person is a member already');
      }
      const member = await ctx.em.save(
        ctx.em.create(CompanyMember, {
          companyId,
          userId: user.id,
          roles: input.roles,
          department,
        }),
      );
      await this.audit.record(ctx, viewer, 'company', companyId, 'member-added', null, null, {
        userId: user.id,
        roles: input.roles,
      });
      return member;
    }
    return this.invite(ctx, viewer, {
      email,
      companyId,
      sellerId: null,
      roles: input.roles,
      department,
    });
  }

  /** A company's invitations not accepted yet nor expired, newest first; for its admins only. */
  async pendingInvitations(ctx: Context, viewer: Viewer, companyId: number): Promise<Invitation[]> {
    const membership = viewer.memberships.find((m) => m.companyId === companyId);
    if (!membership?.roles.includes('COMPANY_ADMIN')) return [];
    return ctx.em.find(Invitation, {
      where: { companyId, acceptedAt: IsNull(), expiresAt: MoreThan(ctx.now()) },
      order: { id: 'DESC' },
    });
  }

  async setCompanyMemberRoles(ctx: Context, viewer: Viewer, input: SetCompanyMemberRolesInput) {
    const id = parseId(input.memberId);
    const member = id ? await ctx.em.findOneBy(CompanyMember, { id }) : null;
    if (!member || !viewer.memberships.some((m) => m.companyId === member.companyId)) {
      return new NotFoundError('Member');
    }
    this.requireCompanyAdmin(viewer, member.companyId);
    const department = this.checkRoles(input.roles, input.department);
    if (member.roles.includes('COMPANY_ADMIN') && !input.roles.includes('COMPANY_ADMIN')) {
      const admins = await ctx.em.findBy(CompanyMember, { companyId: member.companyId });
      if (admins.filter((m) => m.roles.includes('COMPANY_ADMIN')).length <= 1) {
        return new InvalidStateError('A company keeps at least one COMPANY_ADMIN');
      }
    }
    const before = member.roles;
    member.roles = input.roles;
    member.department = department;
    await ctx.em.save(member);
    await this.audit.record(
      ctx,
      viewer,
      'company',
      member.companyId,
      'member-roles-set',
      null,
      null,
      {
        memberId: member.id,
        before,
        after: input.roles,
      },
    );
    return member;
  }

  async createSeller(ctx: Context, viewer: Viewer, input: CreateSellerInput) {
    if (await ctx.em.existsBy(Seller, { slug: input.slug })) {
      return new AlreadyExistsError('slug', 'A seller with this slug exists');
    }
    const seller = await ctx.em.save(
      ctx.em.create(Seller, {
        name: input.name.trim(),
        slug: input.slug,
        description: input.description,
        status: 'ACTIVE',
      }),
    );
    await this.audit.record(ctx, viewer, 'seller', seller.id, 'created', null, 'ACTIVE');
    return seller;
  }

  async inviteSellerStaff(ctx: Context, viewer: Viewer, input: InviteSellerStaffInput) {
    const sellerId = parseId(input.sellerId);
    if (!viewer.user.isPlatformAdmin && viewer.sellerId !== sellerId) {
      throw forbidden('Only platform admins and the staff of this seller may invite its staff');
    }
    if (!sellerId || !(await ctx.em.existsBy(Seller, { id: sellerId })))
      return new NotFoundError('Seller');
    const email = normaliseEmail(input.email);
    const user = await ctx.em.findOneBy(User, { email });
    if (user) {
      if (await ctx.em.existsBy(SellerStaff, { userId: user.id })) {
        return new AlreadyExistsError('email', 'This person is staff of a seller already');
      }
      await ctx.em.save(ctx.em.create(SellerStaff, { sellerId, userId: user.id }));
      await this.audit.record(ctx, viewer, 'seller', sellerId, 'staff-added', null, null, {
        userId: user.id,
      });
      return user;
    }
    return this.invite(ctx, viewer, {
      email,
      companyId: null,
      sellerId,
      roles: null,
      department: null,
    });
  }

  private async invite(
    ctx: Context,
    viewer: Viewer,
    target: Pick<Invitation, 'email' | 'companyId' | 'sellerId' | 'roles' | 'department'>,
  ): Promise<InvitationPayload> {
    const token = randomBytes(24).toString('base64url');
    const invitation = await ctx.em.save(
      ctx.em.create(Invitation, {
        ...target,
        tokenHash: sha256(token),
        invitedByUserId: viewer.user.id,
        expiresAt: new Date(ctx.now().getTime() + INVITATION_TTL_DAYS * 86400_000),
        acceptedAt: null,
      }),
    );
    const payload = new InvitationPayload();
    payload.invitation = invitation;
    payload.token = token;
    return payload;
  }

  /**
   * The invitation behind a token while it can be accepted; otherwise why not. `lock` holds it
   * until the transaction ends, so two accepts of one token cannot both succeed.
   */
  private async openInvitation(
    ctx: Context,
    token: string,
    lock: boolean,
  ): Promise<Invitation | InvitationInvalidError> {
    const invitation = await ctx.em.findOne(Invitation, {
      where: { tokenHash: sha256(token) },
      ...(lock ? forUpdate(ctx.em) : {}),
    });
    if (!invitation) return new InvitationInvalidError(InvitationInvalidReason.UNKNOWN);
    if (invitation.acceptedAt) return new InvitationInvalidError(InvitationInvalidReason.USED);
    if (invitation.expiresAt <= ctx.now()) {
      return new InvitationInvalidError(InvitationInvalidReason.EXPIRED);
    }
    return invitation;
  }

  /**
   * What an open invitation offers, for whoever holds its token (the token is the credential:
   * 192 random bits). Answers the invitation's own terms only, nothing else of the company or
   * seller behind it.
   */
  async previewInvitation(
    ctx: Context,
    token: string,
  ): Promise<InvitationPreview | InvitationInvalidError> {
    const invitation = await this.openInvitation(ctx, token, false);
    if (invitation instanceof InvitationInvalidError) return invitation;
    const { companyId, sellerId } = invitation;
    const organization =
      companyId !== null
        ? await ctx.em.findOne(Company, { select: { name: true }, where: { id: companyId } })
        : await ctx.em.findOne(Seller, { select: { name: true }, where: { id: sellerId ?? 0 } });
    return Object.assign(new InvitationPreview(), {
      kind: companyId !== null ? InvitationKind.COMPANY_MEMBER : InvitationKind.SELLER_STAFF,
      organizationName: organization?.name ?? '',
      email: invitation.email,
      roles: companyId !== null ? (invitation.roles ?? ['BUYER']) : [],
      department: invitation.department,
      expiresAt: invitation.expiresAt,
    });
  }

  async acceptInvitation(ctx: Context, input: AcceptInvitationInput) {
    const invitation = await this.openInvitation(ctx, input.token, true);
    if (invitation instanceof InvitationInvalidError) return invitation;
    if (await ctx.em.existsBy(User, { email: invitation.email })) return new EmailTakenError();
    const user = await ctx.em.save(
      ctx.em.create(User, {
        email: invitation.email,
        name: input.name.trim(),
        passwordHash: await hashPassword(input.password),
        isPlatformAdmin: false,
      }),
    );
    if (invitation.companyId !== null) {
      await ctx.em.save(
        ctx.em.create(CompanyMember, {
          companyId: invitation.companyId,
          userId: user.id,
          roles: invitation.roles ?? ['BUYER'],
          department: invitation.department,
        }),
      );
    }
    if (invitation.sellerId !== null) {
      await ctx.em.save(
        ctx.em.create(SellerStaff, { sellerId: invitation.sellerId, userId: user.id }),
      );
    }
    invitation.acceptedAt = ctx.now();
    await ctx.em.save(invitation);
    return this.startSession(ctx, user);
  }
}
