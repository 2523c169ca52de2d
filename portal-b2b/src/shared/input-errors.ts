/** What a failed GraphQL request carries, as far as input errors are concerned. */
export interface RequestError {
  graphQLErrors: readonly { extensions?: Record<string, unknown> }[];
}

/**
 * The gateway checks inputs field by field and rejects bad ones with `BAD_USER_INPUT` and
 * `extensions.fields: [{ path, messages }]`. This answers each refused path's messages, keyed
 * by `key(path)`; null for any other failure.
 */
function inputErrors(
  error: RequestError | undefined,
  key: (path: string) => string | undefined,
): Record<string, string> | null {
  const invalid = error?.graphQLErrors.find((e) => e.extensions?.code === 'BAD_USER_INPUT');
  const fields = invalid?.extensions?.fields;
  if (!Array.isArray(fields)) return null;
  const errors: Record<string, string> = {};
  for (const field of fields as { path?: unknown; messages?: unknown }[]) {
    const name = typeof field.path === 'string' ? key(field.path) : undefined;
    const message = Array.isArray(field.messages) ? field.messages.join(' ') : '';
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
