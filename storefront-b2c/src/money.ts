import { add, type Money } from '@marketgate/money';

/** The sum of several amounts of one currency; undefined for none. */
export function sumMoney(amounts: readonly Money[]): Money | undefined {
  const [first, ...rest] = amounts;
  return first && rest.reduce(add, first);
}
