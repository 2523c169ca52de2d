import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../api/pagination.js';
import { Contract, ContractStatus } from './contract.entity.js';

export enum ContractSort {
  CREATED_DESC = 'CREATED_DESC',
  CREATED_ASC = 'CREATED_ASC',
  ENDS_ON_ASC = 'ENDS_ON_ASC',
  ENDS_ON_DESC = 'ENDS_ON_DESC',
}

registerEnumType(ContractSort, {
  name: 'ContractSort',
  description:
    'By creation, newest or oldest first; or by end date (endsOn), soonest or latest first, ' +
    'contracts without one counting as ending last.',
});

@ArgsType()
export class ContractsArgs {
  @Field(() => Int, { defaultValue: 20, description: '1 to 100.' })
  @Min(1)
  @Max(100)
  first: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  after?: string | null;

  @Field(() => ContractStatus, { nullable: true })
  status?: ContractStatus | null;

  @Field(() => ContractSort, { defaultValue: ContractSort.CREATED_DESC })
  sort: ContractSort;
}

@ObjectType({ simpleResolvers: true })
export class ContractEdge {
  @Field(() => Contract)
  node: Contract;

  @Field(() => String)
  cursor: string;
}

@ObjectType({ description: 'A page of contracts (Relay connection).' })
export class ContractConnection {
  @Field(() => [ContractEdge])
  edges: ContractEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  /** Counts every contract the list's filter matches; run only when `totalCount` is asked. */
  count: () => Promise<number>;

  @Field(() => Int, { description: 'Contracts matching the filter (one extra statement).' })
  totalCount(): Promise<number> {
    return this.count();
  }
}
