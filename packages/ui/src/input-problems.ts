import { appTranslation } from './i18n';

/** A parameter of a problem as the schema types it (`params { name value }`). */
export interface ProblemParam {
  name: string;
  value: string;
}

/**
 * Why the gateway refused an input: its InputProblemCode, the values its text needs (an object
 * in BAD_USER_INPUT's `extensions.fields[].problems`, a name/value list in the schema's types),
 * and the gateway's English message.
 */
export interface InputProblem {
  code: string;
  params?: Readonly<Record<string, unknown>> | readonly ProblemParam[] | null;
  message: string;
}

function paramsOf(params: InputProblem['params']): Record<string, unknown> {
  if (Array.isArray(params)) {
    return Object.fromEntries((params as readonly ProblemParam[]).map((p) => [p.name, p.value]));
  }
  return { ...(params ?? {}) };
}

/**
 * The problem in the reader's language (`ui.inputProblem.<code>` with its params), led by the
 * entry of a list it concerns (`entry`, e.g. one of several URLs); the gateway's English message
 * for a code this app has no text for yet.
 */
export function inputProblemText(problem: InputProblem): string {
  const texts = appTranslation();
  const key = `ui.inputProblem.${problem.code}`;
  if (!texts?.te(key)) return problem.message;
  const params = paramsOf(problem.params);
  const text = texts.t(key, params);
  return typeof params.entry === 'string' ? `${params.entry}: ${text}` : text;
}
