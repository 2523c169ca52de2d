import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../db/columns.js';
import { CompanyRole, Department } from './company-member.entity.js';

/**
 * An invitation for someone without an account yet to join a company or a seller's staff.
 * Only the SHA-256 of the token is stored; the token itself is shown once to the inviter.
 */
@ObjectType({
  description: 'An invitation to join a company or a seller staff.',
  simpleResolvers: true,
})
@Entity('invitation')
export class Invitation extends BaseEntity {
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'int', nullable: true })
  companyId: number | null;

  @Column({ type: 'int', nullable: true })
  sellerId: number | null;

  @Field(() => [CompanyRole], { nullable: true })
  @Column({ type: 'simple-array', nullable: true })
  roles: CompanyRole[] | null;

  @Field(() => Department, { nullable: true })
  @Column({ type: 'varchar', length: 16, nullable: true })
  department: Department | null;

  @Column({ type: 'int' })
  invitedByUserId: number;

  @Field(() => Date)
  @Column({ type: 'datetime' })
  expiresAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'datetime', nullable: true })
  acceptedAt: Date | null;
}
