import type { RequestError } from '../seller/input-errors';

/**
 * The gateway's `BAD_USER_INPUT` refusals by the path of the field in the mutation's input
 * (`lines.0.unitPrice`, `paymentTerms.milestones.2`, `validUntil`), so an editor can show each
 * beside the field it concerns; null for any other failure. Paths come with or without the
 * argument's name (`input.`) depending on which check refused them; both mean the same field.
 */
export function inputErrorsByPath(error: RequestError | undefined): Record<string, string> | null {
  const invalid = error?.graphQLErrors.find((e) => e.extensions?.code === 'BAD_USER_INPUT');
  const fields = invalid?.extensions?.fields;
  if (!Array.isArray(fields)) return null;
  const errors: Record<string, string> = {};
  for (const field of fields as { path?: unknown; messages?: unknown }[]) {
    const path = typeof field.path === 'string' ? field.path.replace(/^input\./, '') : '';
    const message = Array.isArray(field.messages) ? field.messages.join(' ') : '';
    if (path && message) errors[path] = message;
  }
  return Object.keys(errors).length > 0 ? errors : null;
}
