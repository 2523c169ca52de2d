import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, OneToMany } from 'typeorm';
import { BaseEntity } from '../../db/columns.js';
import { Account } from './account.type.js';
import type { CompanyMember } from './company-member.entity.js';
import type { SellerStaff } from './seller-staff.entity.js';

@ObjectType({
  description: 'A person with an account.',
  implements: Account,
  simpleResolvers: true,
})
@Entity('user')
export class User extends BaseEntity {
  /** Stored lower-cased and trimmed, so `Alice@X` and `alice@x` are one account. */
  @Field(() => String)
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  /** `scrypt$N$r$p$salt$hash`, see password.ts. */
  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => Boolean)
  @Column({ type: 'boolean', default: false })
  isPlatformAdmin: boolean;

  @OneToMany('CompanyMember', (m: CompanyMember) => m.user)
  memberships: CompanyMember[];

  @OneToMany('SellerStaff', (s: SellerStaff) => s.user)
  sellerStaff: SellerStaff[];
}
