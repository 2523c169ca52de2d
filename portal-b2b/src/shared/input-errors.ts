import { inputProblemText } from '@marketgate/ui';

/** What a failed GraphQL request carries, as far as input errors are concerned. */
export interface RequestError {
  graphQLErrors: readonly { extensions?: Record<string, unknown> }[];
}

interface RefusedField {
  path?: unknown;
  messages?: unknown;
  problems?: unknown;
}

/** One refused field's messages in the reader's language: `problems[i]` explains `messages[i]`. */
function messagesOf(field: RefusedField): string[] {
  const messages = Array.isArray(field.messages) ? (field.messages as unknown[]) : [];
  const problems = Array.isArray(field.problems) ? (field.problems as unknown[]) : [];
  return messages
    .filter((m): m is string => typeof m === 'string')
    .map((message, i) => {
      const problem = problems[i] as { code?: unknown; params?: unknown } | undefined;
      return typeof problem?.code === 'string'
        ? inputProblemText({
            code: problem.code,
            params: problem.params as Record<string, unknown> | null,
            message,
          })
        : message;
    });
}

/**
 * The gateway checks inputs field by field and rejects bad ones with `BAD_USER_INPUT` and
 * `extensions.fields: [{ path, messages, problems }]`. This answers each refused path's
 * messages, translated by their problem's code (the English message for a code the portal has
 * no text for), keyed by `key(path)`; null for any other failure.
 */
function inputErrors(
  error: RequestError | undefined,
  key: (path: string) => string | undefined,
): Record<string, string> | null {
  const invalid = error?.graphQLErrors.find((e) => e.extensions?.code === 'BAD_USER_INPUT');
  const fields = invalid?.extensions?.fields;
  if (!Array.isArray(fields)) return null;
  const errors: Record<string, string> = {};
  for (const field of fields as RefusedField[]) {
    const name = typeof field.path === 'string' ? key(field.path) : undefined;
    const message = messagesOf(field).join('; ');
    if (name && message) errors[name] = message;
  }
  return Object.keys(errors).length > 0 ? errors : null;
}

/**
 * The gateway's input errors by the field they concern (the last part of the path, e.g.
 * `trackingNumber`), so a form can show each next to its field; null for any other failure.
 */
export function fieldErrorsOf(error: RequestError | undefined): Record<string, string> | null {
  return inputErrors(error, (path) => path.split('.').pop());
}

/**
 * The gateway's input errors by the path of the field in the mutation's input
 * (`lines.0.unitPrice`, `paymentTerms.milestones.2`, `validUntil`), so an editor can show each
 * beside the field it concerns; null for any other failure. Paths come with or without the
 * argument's name (`input.`) depending on which check refused them; both mean the same field.
 */
export function inputErrorsByPath(error: RequestError | undefined): Record<string, string> | null {
  return inputErrors(error, (path) => path.replace(/^input\./, ''));
}
