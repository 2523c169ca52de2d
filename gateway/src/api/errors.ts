import type { ValidationError } from 'class-validator';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { Field, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { ArgumentValidationError } from 'type-graphql';
import {
  validationProblems,
  type InputProblem,
  type InputProblemCode,
  type ProblemParams,
} from './input-problems.js';

/**
 * Codes of expected business failures. They travel as data in result unions
 * (`LoginResult = AuthPayload | InvalidCredentialsError | ...`), never as thrown errors.
 */
export enum ErrorCode {
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
  EMAIL_TAKEN = 'EMAIL_TAKEN',
  NOT_FOUND = 'NOT_FOUND',
  ALREADY_EXISTS = 'ALREADY_EXISTS',
  INVALID_STATE = 'INVALID_STATE',
  INVALID_INPUT = 'INVALID_INPUT',
  INSUFFICIENT_STOCK = 'INSUFFICIENT_STOCK',
  INVITATION_INVALID = 'INVITATION_INVALID',
  EMPTY_CART = 'EMPTY_CART',
  OUT_OF_STOCK = 'OUT_OF_STOCK',
  COD_NOT_AVAILABLE = 'COD_NOT_AVAILABLE',
  INVALID_ADDRESS = 'INVALID_ADDRESS',
  AMOUNT_MISMATCH = 'AMOUNT_MISMATCH',
  STALE_VERSION = 'STALE_VERSION',
  QUOTE_EXPIRED = 'QUOTE_EXPIRED',
  SELF_APPROVAL = 'SELF_APPROVAL',
  NOT_AN_APPROVER = 'NOT_AN_APPROVER',
  ALREADY_DECIDED = 'ALREADY_DECIDED',
  NO_APPROVER = 'NO_APPROVER',
  OVERPAYMENT = 'OVERPAYMENT',
  CREDIT_LIMIT_EXCEEDED = 'CREDIT_LIMIT_EXCEEDED',
  COMMITTED_QUANTITY_EXCEEDED = 'COMMITTED_QUANTITY_EXCEEDED',
}
registerEnumType(ErrorCode, { name: 'ErrorCode' });

@InterfaceType({ description: 'An expected business failure, returned as data.' })
export abstract class ErrorResult {
  @Field(() => ErrorCode)
  errorCode: ErrorCode;

  @Field(() => String)
  message: string;
}

/** Base of every concrete error result class. */
export abstract class BaseErrorResult extends ErrorResult {
  constructor(errorCode: ErrorCode, message: string) {
    super();
    this.errorCode = errorCode;
    this.message = message;
  }
}

export function isErrorResult(value: unknown): value is ErrorResult {
  return value instanceof ErrorResult;
}

@ObjectType({ implements: ErrorResult, simpleResolvers: true })
export class NotFoundError extends BaseErrorResult {
  constructor(what: string) {
    super(ErrorCode.NOT_FOUND, `${what} not found`);
  }
}

@ObjectType({ implements: ErrorResult, simpleResolvers: true })
export class AlreadyExistsError extends BaseErrorResult {
  @Field(() => String, { description: 'The field whose value is taken.' })
  field: string;

  constructor(field: string, message: string) {
    super(ErrorCode.ALREADY_EXISTS, message);
    this.field = field;
  }
}

@ObjectType({ implements: ErrorResult, simpleResolvers: true })
export class InvalidStateError extends BaseErrorResult {
  constructor(message: string) {
    super(ErrorCode.INVALID_STATE, message);
  }
}

/**
 * Thrown failures: not logged in, not allowed, malformed input. `extensions.code` says which;
 * anything else is an unexpected fault and reaches the client as INTERNAL_SERVER_ERROR only.
 */
export function unauthenticated(message = 'You must be signed in'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } });
}

export function forbidden(message = 'You are not allowed to do this'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

/** What BAD_USER_INPUT says about one refused field: `problems[i]` explains `messages[i]`. */
export interface RefusedField {
  path: string;
  messages: string[];
  problems: InputProblem[];
}

/**
 * Malformed input the schema's types and class-validator cannot catch: `field` is its path in
 * the arguments (`input.lines.2.variantId`), `code` and `params` what a client translates.
 */
export function badInput(
  message: string,
  field: string,
  code: InputProblemCode,
  params: ProblemParams = {},
): GraphQLError {
  const refused: RefusedField = { path: field, messages: [message], problems: [{ code, params }] };
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', fields: [refused] } });
}

/** Malformed input at several places (a rule tree): every problem by its path, in one error. */
export function badInputs(
  problems: { path: string; message: string; code: InputProblemCode; params?: ProblemParams }[],
): GraphQLError {
  const fields = new Map<string, RefusedField>();
  for (const { path, message, code, params = {} } of problems) {
    const field = fields.get(path) ?? { path, messages: [], problems: [] };
    field.messages.push(message);
    field.problems.push({ code, params });
    fields.set(path, field);
  }
  return new GraphQLError(problems[0]?.message ?? 'Invalid input', {
    extensions: { code: 'BAD_USER_INPUT', fields: [...fields.values()] },
  });
}

const clientCodes = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

function flatten(errors: ValidationError[], prefix: string): RefusedField[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints
      ? [{ path, messages: Object.values(e.constraints), problems: validationProblems(e) }]
      : [];
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

/**
 * Apollo `formatError`: keeps client errors as they are (validation errors flattened to
 * `fields`, each with its problems), and replaces everything else by a bare INTERNAL_SERVER_ERROR so no stack trace,
 * SQL or driver message reaches a client. The original is logged by the caller.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: (error: unknown) => void,
): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof ArgumentValidationError) {
    return {
      message: 'Invalid input',
      locations: formatted.locations,
      path: formatted.path,
      extensions: {
        code: 'BAD_USER_INPUT',
        fields: flatten(original.extensions.validationErrors, ''),
      },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && clientCodes.has(code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  const cause = error instanceof GraphQLError ? error.originalError : undefined;
  if (error instanceof GraphQLError && !error.path && (!cause || cause instanceof GraphQLError)) {
    // graphql-js refused the request before any resolver ran (a variable of the wrong type).
    return { ...formatted, extensions: { code: 'BAD_USER_INPUT' } };
  }
  log(error);
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
