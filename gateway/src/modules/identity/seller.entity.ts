import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../db/columns.js';

export const sellerStatuses = ['ACTIVE', 'SUSPENDED'] as const;
export type SellerStatus = (typeof sellerStatuses)[number];
export const SellerStatus = { ACTIVE: 'ACTIVE', SUSPENDED: 'SUSPENDED' } as const;
registerEnumType(SellerStatus, { name: 'SellerStatus' });

/** A shop on the marketplace; created by platform admins. */
@ObjectType({ description: 'A shop selling on the marketplace.', simpleResolvers: true })
@Entity('seller')
// Admins list sellers by name (a keyset on name, id), of one status or all; `sellers` lists the
// ACTIVE ones by name.
@Index(['name', 'id'])
@Index(['status', 'name', 'id'])
export class Seller extends BaseEntity {
  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => String)
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 100 })
  slug: string;

  @Field(() => String)
  @Column({ type: 'text' })
  description: string;

  @Field(() => SellerStatus)
  @Column({ type: 'varchar', length: 16, default: 'ACTIVE' })
  status: SellerStatus;

  /** Cash-on-delivery fee in minor units of the platform currency; null: the platform default. */
  @Column({ type: 'int', nullable: true })
  codFeeAmount: number | null;
}
