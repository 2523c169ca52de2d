import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../db/columns.js';

/** A node of the category tree. */
@ObjectType({ description: 'A node of the category tree.', simpleResolvers: true })
@Entity('category')
export class Category extends BaseEntity {
  @Field(() => ID, { nullable: true })
  @Index()
  @Column({ type: 'int', nullable: true })
  parentId: number | null;

  @Field(() => String)
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => String)
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 100 })
  slug: string;

  /**
   * Materialised path of ids, `/1/4/9/`: the descendants of 4 are the rows whose path starts
   * with `/1/4/`, one indexed range scan instead of a recursive query.
   */
  @Index()
  @Column({ type: 'varchar', length: 255 })
  path: string;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  position: number;
}
