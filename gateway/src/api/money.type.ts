import type { Money as MoneyValue } from '@marketgate/money';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description: 'An amount in integer minor units (fen, cents) of an ISO 4217 currency.',
  // Plain values, read by graphql-js's default resolver: no middleware wrapper per field.
  simpleResolvers: true,
})
export class Money implements MoneyValue {
  @Field(() => Int)
  amount: number;

  @Field(() => String)
  currency: string;

  static of(amount: number, currency: string): Money {
    const m = new Money();
    m.amount = amount;
    m.currency = currency;
    return m;
  }
}
