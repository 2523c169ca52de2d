import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../db/columns.js';
import { Address } from '../ordering/address.js';

/** A delivery address a company keeps for its purchases; one of them is the default. */
@ObjectType({ description: "One of a company's delivery addresses.", simpleResolvers: true })
@Entity('company_address')
@Index(['companyId', 'id'])
export class CompanyAddress extends BaseEntity {
  @Column({ type: 'int' })
  companyId: number;

  @Field(() => String, { description: 'How the company calls it, e.g. "Hangzhou warehouse".' })
  @Column({ type: 'varchar', length: 60 })
  label: string;

  @Field(() => Address)
  @Column(() => Address, { prefix: 'addr' })
  address: Address;

  @Field(() => Boolean)
  @Column({ type: 'boolean', default: false })
  isDefault: boolean;
}
