/** What a failed GraphQL request carries, as far as input errors are concerned. */
export interface RequestError {
  graphQLErrors: readonly { extensions?: Record<string, unknown> }[];
}

/**
 * The gateway checks inputs field by field and rejects bad ones with `BAD_USER_INPUT` and
 * `extensions.fields: [{ path, messages }]`. This maps them to the field they concern (the last
 * part of the path, e.g. `trackingNumber`), so a form can show each next to its field; null
 * for any other failure.
 */
export function fieldErrorsOf(error: RequestError | undefined): Record<string, string> | null {
  const invalid = error?.graphQLErrors.find((e) => e.extensions?.code === 'BAD_USER_INPUT');
  const fields = invalid?.extensions?.fields;
  if (!Array.isArray(fields)) return null;
  const errors: Record<string, string> = {};
  for (const field of fields as { path?: unknown; messages?: unknown }[]) {
    const name = typeof field.path === 'string' ? field.path.split('.').pop() : undefined;
    const message = Array.isArray(field.messages) ? field.messages.join(' ') : '';
    if (name && message) errors[name] = message;
  }
  return Object.keys(errors).length > 0 ? errors : null;
}
