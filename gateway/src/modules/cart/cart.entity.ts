import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../db/columns.js';

/**
 * A shopping cart: a guest's, reached by its secret token, or a signed-in user's (one each).
 * A guest cart is merged into the user's cart when the guest signs in.
 */
@Entity('cart')
export class Cart extends BaseEntity {
  /** Secret a guest client keeps to reach its cart; never handed out for a user's cart. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  token: string;

  @Index({ unique: true })
  @Column({ type: 'int', nullable: true })
  userId: number | null;
}

/** One variant in a cart; a variant appears at most once per cart. */
@Entity('cart_line')
@Index(['cartId', 'variantId'], { unique: true })
export class CartLine extends BaseEntity {
  @Column({ type: 'int' })
  cartId: number;

  @Column({ type: 'int' })
  variantId: number;

  @Column({ type: 'int' })
  quantity: number;
}
