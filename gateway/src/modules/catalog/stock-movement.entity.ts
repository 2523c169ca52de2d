import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const stockReasons = [
  'RECEIVED',
  'COUNTED',
  'DAMAGED',
  'RETURNED',
  'CORRECTION',
  'IMPORT',
  'SHIPPED',
] as const;
export type StockReason = (typeof stockReasons)[number];
export const StockReason = Object.fromEntries(stockReasons.map((r) => [r, r])) as {
  [R in StockReason]: R;
};
registerEnumType(StockReason, { name: 'StockReason' });

/** One change of a variant's stock on hand; the history behind the current number. */
@ObjectType({ description: 'One change of stock on hand.', simpleResolvers: true })
@Entity('stock_movement')
@Index(['variantId', 'id'])
export class StockMovement {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int' })
  variantId: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  delta: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  onHandAfter: number;

  @Field(() => StockReason)
  @Column({ type: 'varchar', length: 16 })
  reason: StockReason;

  @Field(() => String)
  @Column({ type: 'varchar', length: 500, default: '' })
  note: string;

  @Column({ type: 'int', nullable: true })
  actorUserId: number | null;

  @Field(() => Date)
  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
