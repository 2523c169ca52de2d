import { getMetadataStorage, type ValidationError, type ValidationOptions } from 'class-validator';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

/**
 * Why an input was refused, for clients to say in their reader's language: the gateway's own
 * messages are English. Each code names its parameters (in `{braces}`); the English message
 * always comes along, for clients that do not know a code yet. This enum is the one list of
 * codes: the SDL publishes it and the frontends' texts are checked against it.
 */
export enum InputProblemCode {
  REQUIRED = 'REQUIRED',
  INVALID = 'INVALID',
  MIN = 'MIN',
  MAX = 'MAX',
  RANGE = 'RANGE',
  INTEGER = 'INTEGER',
  NOT_ZERO = 'NOT_ZERO',
  LENGTH = 'LENGTH',
  MAX_LENGTH = 'MAX_LENGTH',
  MIN_ITEMS = 'MIN_ITEMS',
  MAX_ITEMS = 'MAX_ITEMS',
  ITEMS_RANGE = 'ITEMS_RANGE',
  UNIQUE = 'UNIQUE',
  EACH_ONCE = 'EACH_ONCE',
  ONE_OF = 'ONE_OF',
  EXACTLY_ONE = 'EXACTLY_ONE',
  NOT_APPLICABLE = 'NOT_APPLICABLE',
  NOT_ABOVE = 'NOT_ABOVE',
  NOT_FOUND = 'NOT_FOUND',
  TAKEN = 'TAKEN',
  EMAIL = 'EMAIL',
  URL = 'URL',
  SLUG = 'SLUG',
  SKU = 'SKU',
  CURRENCY = 'CURRENCY',
  SAME_CURRENCY = 'SAME_CURRENCY',
  PRICE = 'PRICE',
  DECIMALS = 'DECIMALS',
  PHONE = 'PHONE',
  POSTAL_CODE = 'POSTAL_CODE',
  DATE = 'DATE',
  FUTURE = 'FUTURE',
  LETTERS_DIGITS_DASHES = 'LETTERS_DIGITS_DASHES',
  KEY = 'KEY',
  CURSOR = 'CURSOR',
  TOO_LARGE = 'TOO_LARGE',
  SCHEDULE = 'SCHEDULE',
  NAME_VALUE = 'NAME_VALUE',
  NAME_VALUE_LENGTH = 'NAME_VALUE_LENGTH',
  TIER = 'TIER',
  BELOW_RESERVED = 'BELOW_RESERVED',
  FILE_EMPTY = 'FILE_EMPTY',
  NOT_CSV = 'NOT_CSV',
  TOO_MANY_ROWS = 'TOO_MANY_ROWS',
  NO_ROWS = 'NO_ROWS',
  UNKNOWN_COLUMNS = 'UNKNOWN_COLUMNS',
  REPEATED_COLUMNS = 'REPEATED_COLUMNS',
  MISSING_COLUMNS = 'MISSING_COLUMNS',
  FIELD_COUNT = 'FIELD_COUNT',
  DIFFERS_FROM_FIRST_ROW = 'DIFFERS_FROM_FIRST_ROW',
  FIRST_ROW_INVALID = 'FIRST_ROW_INVALID',
  REPEATS_ROW = 'REPEATS_ROW',
  MORE_ERRORS = 'MORE_ERRORS',
  TAG = 'TAG',
  NESTING = 'NESTING',
  BEFORE = 'BEFORE',
  SPAN = 'SPAN',
}

registerEnumType(InputProblemCode, {
  name: 'InputProblemCode',
  description:
    'Why an input was refused, with its parameters named in {braces}; a client translates the ' +
    'code and shows the English message for a code it does not know. A problem about one ' +
    'entry of a list (one URL, one tier) names it in {entry}.',
  valuesConfig: {
    REQUIRED: {
      description: 'A value is needed here; {field} names it when the path is its parent.',
    },
    INVALID: { description: 'Not valid (no more specific code applies).' },
    MIN: { description: 'At least {min}.' },
    MAX: { description: 'At most {max}.' },
    RANGE: { description: 'From {min} to {max}.' },
    INTEGER: { description: 'A whole number.' },
    NOT_ZERO: { description: 'Anything but 0.' },
    LENGTH: { description: '{min} to {max} characters.' },
    MAX_LENGTH: { description: 'At most {max} characters.' },
    MIN_ITEMS: { description: 'At least {min} entries.' },
    MAX_ITEMS: { description: 'At most {max} entries.' },
    ITEMS_RANGE: { description: '{min} to {max} entries.' },
    UNIQUE: { description: 'An entry repeats.' },
    EACH_ONCE: { description: 'Every entry exactly once, none missing or repeated.' },
    ONE_OF: { description: 'One of {values} (comma-separated).' },
    EXACTLY_ONE: { description: 'One of {fields} (comma-separated), not both.' },
    NOT_APPLICABLE: { description: 'Must be left out here.' },
    NOT_ABOVE: { description: 'Must not be above {field}.' },
    NOT_FOUND: { description: 'Names nothing that can be used here.' },
    TAKEN: { description: "Already another seller's or product's." },
    EMAIL: { description: 'An email address.' },
    URL: { description: 'An http(s) URL.' },
    SLUG: { description: 'Lower-case letters and digits joined by dashes.' },
    SKU: { description: '1 to 64 letters, digits, dots, dashes or underscores.' },
    CURRENCY: { description: 'An ISO 4217 currency code such as CNY.' },
    SAME_CURRENCY: {
      description:
        'Must share one currency with the rest; {row} the row that set it, or {currency} the ' +
        'currency of what exists already, when known.',
    },
    PRICE: { description: 'A price in major units such as 12.50.' },
    DECIMALS: { description: 'At most {max} decimals for {currency} (0: whole numbers).' },
    PHONE: { description: 'An 11-digit mainland mobile number, or + and a country code.' },
    POSTAL_CODE: { description: 'A postal code of 6 digits.' },
    DATE: { description: 'A date as YYYY-MM-DD.' },
    FUTURE: { description: 'A time in the future.' },
    LETTERS_DIGITS_DASHES: { description: '{min} to {max} letters, digits or dashes.' },
    KEY: { description: '{min} to {max} letters, digits, dashes or underscores.' },
    CURSOR: { description: 'Not a cursor of this list.' },
    TOO_LARGE: { description: 'The total is too large.' },
    SCHEDULE: {
      description: 'The installment schedule breaks {rule}, a ScheduleProblemCode.',
    },
    NAME_VALUE: { description: 'Name=Value pairs joined by ";".' },
    NAME_VALUE_LENGTH: { description: 'Names at most {name}, values at most {value} characters.' },
    TIER: { description: 'minQuantity:unitPrice pairs joined by ";".' },
    BELOW_RESERVED: { description: 'Below the {reserved} units reserved for orders.' },
    FILE_EMPTY: { description: 'The file is empty.' },
    NOT_CSV: { description: 'The file is not valid CSV; {detail} says where.' },
    TOO_MANY_ROWS: { description: 'The file has more than {max} data rows.' },
    NO_ROWS: { description: 'The file has a header but no data rows.' },
    UNKNOWN_COLUMNS: { description: 'The header names unknown {columns}.' },
    REPEATED_COLUMNS: { description: 'The header repeats {columns}.' },
    MISSING_COLUMNS: { description: 'The header lacks the required {columns}.' },
    FIELD_COUNT: { description: 'The row has {count} fields, the header {expected}.' },
    DIFFERS_FROM_FIRST_ROW: { description: "Differs from row {row}, the product's first row." },
    FIRST_ROW_INVALID: { description: "Row {row}, the product's first row, has errors." },
    REPEATS_ROW: { description: 'Repeats the value of row {row}.' },
    MORE_ERRORS: { description: '{count} more errors from row {row} on were left out.' },
    TAG: {
      description:
        'A tag: 1 to {max} letters, digits, spaces or . _ : & + / -, starting and ending with a ' +
        'letter or digit.',
    },
    NESTING: { description: 'Groups nest at most {max} deep.' },
    BEFORE: { description: 'Must be before {field}.' },
    SPAN: { description: 'At most {max} days after {field}.' },
  },
});

export type ProblemParams = Record<string, string | number>;

/** A refusal's code and the values its text needs. */
export interface InputProblem {
  code: InputProblemCode;
  params: ProblemParams;
}

export function problem(code: InputProblemCode, params: ProblemParams = {}): InputProblem {
  return { code, params };
}

@ObjectType({
  description: 'One parameter of an input problem, e.g. max = 200.',
  simpleResolvers: true,
})
export class InputProblemParam {
  @Field(() => String)
  name: string;

  @Field(() => String)
  value: string;
}

export function paramList(params: ProblemParams): InputProblemParam[] {
  return Object.entries(params).map(([name, value]) => ({ name, value: String(value) }));
}

/**
 * The problem of each class-validator constraint the inputs use, from the constraint's
 * arguments as its decorator stored them (`@Min(1)` stores `[1]`).
 */
const constraintProblems: Record<string, (args: unknown[]) => InputProblem> = {
  min: ([min]) => problem(InputProblemCode.MIN, { min: min as number }),
  max: ([max]) => problem(InputProblemCode.MAX, { max: max as number }),
  isInt: () => problem(InputProblemCode.INTEGER),
  isLength: ([min, max]) =>
    problem(InputProblemCode.LENGTH, { min: min as number, max: max as number }),
  maxLength: ([max]) => problem(InputProblemCode.MAX_LENGTH, { max: max as number }),
  arrayMinSize: ([min]) => problem(InputProblemCode.MIN_ITEMS, { min: min as number }),
  arrayMaxSize: ([max]) => problem(InputProblemCode.MAX_ITEMS, { max: max as number }),
  arrayNotEmpty: () => problem(InputProblemCode.MIN_ITEMS, { min: 1 }),
  arrayUnique: () => problem(InputProblemCode.UNIQUE),
  isIn: ([values]) =>
    problem(InputProblemCode.ONE_OF, { values: (values as unknown[]).join(', ') }),
  isEmail: () => problem(InputProblemCode.EMAIL),
  isUrl: () => problem(InputProblemCode.URL),
};

interface ProblemContext {
  problem?: InputProblem;
}

/**
 * Validation options naming the problem a constraint stands for, where its own name says
 * nothing a reader could be told: a `@Matches` pattern is a format only its message explains.
 */
export function refusedAs(
  code: InputProblemCode,
  message: string,
  params: ProblemParams = {},
): ValidationOptions {
  return { message, context: { problem: problem(code, params) } satisfies ProblemContext };
}

/**
 * The problem of one failed constraint: named by the constraint's options (`refusedAs`), or
 * derived from the constraint and the arguments class-validator's metadata storage keeps for
 * it; INVALID for a constraint no code stands for (a spec keeps the inputs free of those).
 */
export function constraintProblem(
  name: string,
  args: unknown[] | undefined,
  context: unknown,
): InputProblem {
  const named = (context as ProblemContext | undefined)?.problem;
  if (named) return named;
  const toProblem = constraintProblems[name];
  return toProblem ? toProblem(args ?? []) : problem(InputProblemCode.INVALID);
}

/** The problem behind each of a validation error's constraints, in the order of its messages. */
export function validationProblems(error: ValidationError): InputProblem[] {
  const metadatas = error.target
    ? getMetadataStorage().getTargetValidationMetadatas(error.target.constructor, '', true, false)
    : [];
  return Object.keys(error.constraints ?? {}).map((name) =>
    constraintProblem(
      name,
      metadatas.find((m) => m.propertyName === error.property && m.name === name)?.constraints,
      error.contexts?.[name],
    ),
  );
}
