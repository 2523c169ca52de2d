import { Column, Entity, Index, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../db/columns.js';
import type { Seller } from './seller.entity.js';
import type { User } from './user.entity.js';

/** Binds a user to the one seller whose catalog and orders they manage. */
@Entity('seller_staff')
export class SellerStaff extends BaseEntity {
  @Index()
  @Column({ type: 'int' })
  sellerId: number;

  @ManyToOne('Seller', { onDelete: 'CASCADE' })
  seller: Seller;

  /** Unique: a person works for one seller at a time. */
  @Index({ unique: true })
  @Column({ type: 'int' })
  userId: number;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  user: User;
}
