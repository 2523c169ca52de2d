import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, OneToMany } from 'typeorm';
import { BaseEntity } from '../../db/columns.js';
import { Account } from './account.type.js';
import type { CompanyMember } from './company-member.entity.js';

export const companyStatuses = ['PENDING', 'VERIFIED', 'REJECTED'] as const;
export type CompanyStatus = (typeof companyStatuses)[number];
export const CompanyStatus = {
  PENDING: 'PENDING',
  VERIFIED: 'VERIFIED',
  REJECTED: 'REJECTED',
} as const;
registerEnumType(CompanyStatus, { name: 'CompanyStatus' });

@ObjectType({
  description: 'A business buying on the marketplace.',
  implements: Account,
  simpleResolvers: true,
})
@Entity('company')
// Admins list companies by name (a keyset on name, id), of one status or all.
@Index(['name', 'id'])
@Index(['status', 'name', 'id'])
export class Company extends BaseEntity {
  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Business registration / tax number, unique per company. */
  @Field(() => String)
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  registrationNumber: string;

  /** Only members of a VERIFIED company see business prices or trade as the company. */
  @Field(() => CompanyStatus)
  @Column({ type: 'varchar', length: 16, default: 'PENDING' })
  status: CompanyStatus;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'datetime', nullable: true })
  verifiedAt: Date | null;

  @OneToMany('CompanyMember', (m: CompanyMember) => m.company)
  members: CompanyMember[];
}
