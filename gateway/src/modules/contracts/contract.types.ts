import { ArgsType, Field, registerEnumType } from 'type-graphql';
import { connectionOf, PageArgs } from '../../api/pagination.js';
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
export class ContractsArgs extends PageArgs {
  @Field(() => ContractStatus, { nullable: true })
  status?: ContractStatus | null;

  @Field(() => ContractSort, { defaultValue: ContractSort.CREATED_DESC })
  sort: ContractSort;
}

export const ContractConnection = connectionOf(Contract, {
  description: 'A page of contracts (Relay connection).',
  counted: 'Contracts matching the filter',
});
export type ContractConnection = InstanceType<typeof ContractConnection>;
