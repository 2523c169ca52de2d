import { Field, InputType, ObjectType } from 'type-graphql';
import { Column } from 'typeorm';
import {
  InputProblemCode,
  type InputProblem,
  type ProblemParams,
} from '../../api/input-problems.js';

/** A shipping address; stored as columns embedded in the order it belongs to. */
@ObjectType({ description: 'A shipping address.', simpleResolvers: true })
export class Address {
  @Field(() => String)
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 20 })
  phone: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 50 })
  province: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 50 })
  city: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 50 })
  district: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  line1: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 10 })
  postalCode: string;
}

/** Checked by `validateAddress`, which answers every problem at once as `InvalidAddressError`. */
@InputType()
export class AddressInput {
  @Field(() => String)
  name: string;

  @Field(() => String, {
    description: 'Mainland mobile (11 digits) or +country code; spaces and dashes are ignored.',
  })
  phone: string;

  @Field(() => String)
  province: string;

  @Field(() => String)
  city: string;

  @Field(() => String)
  district: string;

  @Field(() => String)
  line1: string;

  @Field(() => String, { description: 'Six digits.' })
  postalCode: string;
}

export interface AddressProblem extends InputProblem {
  path: string;
  message: string;
}

const limits: Record<Exclude<keyof Address, 'phone' | 'postalCode'>, number> = {
  name: 100,
  province: 50,
  city: 50,
  district: 50,
  line1: 200,
};

function refused(
  path: string,
  message: string,
  code: InputProblemCode,
  params: ProblemParams = {},
): AddressProblem {
  return { path, message, code, params };
}

/**
 * Normalises (trims; phone without spaces and dashes) and checks an address. Returns the
 * address to store, or every problem found, each with its field path under `prefix`.
 */
export function validateAddress(
  input: AddressInput,
  prefix: string,
): { address: Address } | { problems: AddressProblem[] } {
  const problems: AddressProblem[] = [];
  const address = new Address();
  for (const [field, max] of Object.entries(limits) as [keyof typeof limits, number][]) {
    const value = input[field].trim();
    if (!value)
      problems.push(refused(`${prefix}.${field}`, 'is required', InputProblemCode.REQUIRED));
    else if (value.length > max)
      problems.push(
        refused(
          `${prefix}.${field}`,
          `must be at most ${max} characters`,
          InputProblemCode.MAX_LENGTH,
          {
            max,
          },
        ),
      );
    address[field] = value;
  }
  address.phone = input.phone.replace(/[\s-]/g, '');
  if (!/^(1[3-9]\d{9}|\+\d{7,15})$/.test(address.phone)) {
    problems.push(
      refused(
        `${prefix}.phone`,
        'must be an 11-digit mobile number or start with + and a country code',
        InputProblemCode.PHONE,
      ),
    );
  }
  address.postalCode = input.postalCode.trim();
  if (!/^\d{6}$/.test(address.postalCode)) {
    problems.push(
      refused(`${prefix}.postalCode`, 'must be 6 digits', InputProblemCode.POSTAL_CODE),
    );
  }
  return problems.length ? { problems } : { address };
}
