import { Field, ID, InterfaceType } from 'type-graphql';

/**
 * Someone a seller or the platform sells to, as tags and segments see them: a consumer (a
 * `User` without a company role) or a `Company`.
 */
@InterfaceType({ description: 'A customer account: a consumer (User) or a Company.' })
export class Account {
  @Field(() => ID)
  id: number;

  @Field(() => String)
  name: string;
}
