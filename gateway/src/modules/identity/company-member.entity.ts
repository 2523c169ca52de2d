import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../db/columns.js';
import type { Company } from './company.entity.js';
import type { User } from './user.entity.js';

export const companyRoles = ['BUYER', 'APPROVER', 'COMPANY_ADMIN'] as const;
export type CompanyRole = (typeof companyRoles)[number];
export const departments = ['SOURCING', 'FINANCE', 'LOGISTICS', 'WAREHOUSE', 'MANAGEMENT'] as const;
export type Department = (typeof departments)[number];
export const CompanyRole = Object.fromEntries(companyRoles.map((r) => [r, r])) as {
  [R in CompanyRole]: R;
};
export const Department = Object.fromEntries(departments.map((d) => [d, d])) as {
  [D in Department]: D;
};
registerEnumType(CompanyRole, { name: 'CompanyRole' });
registerEnumType(Department, { name: 'Department' });

/** A user's place in a company: one or more roles; an approver approves for one department. */
@ObjectType({ description: "A user's membership of a company.", simpleResolvers: true })
@Entity('company_member')
@Index(['companyId', 'userId'], { unique: true })
export class CompanyMember extends BaseEntity {
  @Column({ type: 'int' })
  companyId: number;

  @ManyToOne('Company', { onDelete: 'CASCADE' })
  company: Company;

  @Index()
  @Column({ type: 'int' })
  userId: number;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  user: User;

  @Field(() => [CompanyRole])
  @Column({ type: 'simple-array' })
  roles: CompanyRole[];

  /** Set exactly when `roles` holds APPROVER. */
  @Field(() => Department, { nullable: true })
  @Column({ type: 'varchar', length: 16, nullable: true })
  department: Department | null;
}
