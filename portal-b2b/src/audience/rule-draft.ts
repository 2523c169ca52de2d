import type {
  AccountType,
  LifecycleStage,
  SegmentRuleInput,
  SegmentRuleKind,
} from '@marketgate/graphql-client';
import { parseMoneyInput, toMoneyInput } from '../shared/money-input';

export type GroupKind = Extract<SegmentRuleKind, 'ALL' | 'ANY'>;
export type ConditionKind = Exclude<SegmentRuleKind, GroupKind>;
type Param = 'count' | 'days' | 'amount' | 'tag' | 'stage';

/**
 * Each condition's parameters and whom it can select, as SegmentRuleKind in the SDL describes
 * them (the gateway checks the same and refuses the rest at the rule's path).
 */
export const conditionKinds: Record<
  ConditionKind,
  { params: readonly Param[]; companiesOnly: boolean }
> = {
  FIRST_TIME_BUYER: { params: [], companiesOnly: false },
  REPEAT_BUYER: { params: ['count', 'days'], companiesOnly: false },
  LAPSED: { params: ['days'], companiesOnly: false },
  HIGH_VALUE: { params: ['amount', 'days'], companiesOnly: false },
  HAS_TAG: { params: ['tag'], companiesOnly: false },
  LIFECYCLE_STAGE: { params: ['stage'], companiesOnly: true },
  CONTRACT_ENDING: { params: ['days'], companiesOnly: true },
  QUOTE_LOST: { params: ['days'], companiesOnly: true },
  OPEN_RFQ: { params: [], companiesOnly: true },
};

export const lifecycleStages: readonly LifecycleStage[] = ['STARTUP', 'GROWTH', 'MATURE'];

/** The conditions a segment of `accountType` may use, in the order the editor offers them. */
export function kindsFor(accountType: AccountType): ConditionKind[] {
  return (Object.keys(conditionKinds) as ConditionKind[]).filter(
    (kind) => accountType === 'COMPANY' || !conditionKinds[kind].companiesOnly,
  );
}

/** Groups nest at most this deep, the outermost counting (MAX_RULE_DEPTH in the gateway). */
export const MAX_DEPTH = 3;
/** Rules of one group (MAX_GROUP_SIZE in the gateway). */
export const MAX_GROUP_SIZE = 10;

/** A condition as its inputs hold it: numbers as typed, so a half-typed one stays on screen. */
export interface ConditionDraft {
  key: number;
  kind: ConditionKind;
  count: string;
  days: string;
  amount: string;
  currency: string;
  tag: string;
  stage: LifecycleStage;
}

export interface GroupDraft {
  key: number;
  kind: GroupKind;
  rules: RuleDraft[];
}

export type RuleDraft = ConditionDraft | GroupDraft;

export function isGroup(rule: RuleDraft): rule is GroupDraft {
  return rule.kind === 'ALL' || rule.kind === 'ANY';
}

let lastKey = 0;
const nextKey = () => ++lastKey;

type ParamDrafts = Pick<ConditionDraft, Param>;

/** The parameters a person would most often start a condition of `kind` from. */
function defaultParams(kind: ConditionKind): ParamDrafts {
  return {
    count: '2',
    days: kind === 'CONTRACT_ENDING' ? '90' : '30',
    amount: '',
    tag: '',
    stage: 'STARTUP',
  };
}

/** A new condition; `currency` is the platform's, the money of HIGH_VALUE amounts. */
export function newCondition(kind: ConditionKind, currency: string): ConditionDraft {
  return { key: nextKey(), kind, currency, ...defaultParams(kind) };
}

/**
 * Turns a condition into another kind. What the person typed stays; a parameter still at the
 * old kind's default takes the new kind's (30 days lapsed, but contracts ending in 90).
 */
export function changeKind(rule: ConditionDraft, kind: ConditionKind): void {
  const before = defaultParams(rule.kind);
  const after = defaultParams(kind);
  rule.kind = kind;
  for (const param of Object.keys(after) as Param[]) {
    if (rule[param] === before[param]) Object.assign(rule, { [param]: after[param] });
  }
}

export function newGroup(kind: GroupKind, rules: RuleDraft[] = []): GroupDraft {
  return { key: nextKey(), kind, rules };
}

/** A rule as the gateway answers it (Segment.rule), whatever its kind. */
export interface StoredRule {
  kind: SegmentRuleKind;
  count?: number;
  days?: number;
  amount?: { amount: number; currency: string };
  tag?: string;
  stage?: LifecycleStage;
  rules?: readonly StoredRule[];
}

function draftOf(rule: StoredRule, currency: string): RuleDraft {
  if (rule.kind === 'ALL' || rule.kind === 'ANY') {
    return newGroup(
      rule.kind,
      (rule.rules ?? []).map((r) => draftOf(r, currency)),
    );
  }
  const draft = newCondition(rule.kind, rule.amount?.currency ?? currency);
  if (rule.count !== undefined) draft.count = String(rule.count);
  if (rule.days !== undefined) draft.days = String(rule.days);
  if (rule.amount) draft.amount = toMoneyInput(rule.amount);
  if (rule.tag !== undefined) draft.tag = rule.tag;
  if (rule.stage) draft.stage = rule.stage;
  return draft;
}

/**
 * The editor's tree of a stored rule. The editor always shows a group at the top, so a single
 * condition becomes the one rule of an ALL group (which selects the same accounts).
 */
export function toDraft(rule: StoredRule, currency: string): GroupDraft {
  const draft = draftOf(rule, currency);
  return isGroup(draft) ? draft : newGroup('ALL', [draft]);
}

/** Something the portal itself can tell is wrong before asking the gateway, at a rule's path. */
export type LocalProblem = 'wholeNumber' | 'amount';

/**
 * The input the gateway takes for a draft: each kind with exactly its parameters. Numbers that
 * are no numbers yet are not sent; they come back as problems at their path (`rule.rules.0.days`,
 * the path the gateway uses too), and the input is null while there are any. An empty number
 * is sent as null so the gateway says it is required.
 */
export function toRuleInput(root: GroupDraft): {
  input: SegmentRuleInput | null;
  problems: Record<string, LocalProblem>;
} {
  const problems: Record<string, LocalProblem> = {};

  const wholeNumber = (text: string, path: string): number | null => {
    const trimmed = text.trim();
    if (!trimmed) return null;
    if (/^\d{1,9}$/.test(trimmed)) return Number(trimmed);
    problems[path] = 'wholeNumber';
    return null;
  };

  const walk = (rule: RuleDraft, path: string): SegmentRuleInput => {
    if (isGroup(rule)) {
      return { kind: rule.kind, rules: rule.rules.map((r, i) => walk(r, `${path}.rules.${i}`)) };
    }
    const input: SegmentRuleInput = { kind: rule.kind };
    for (const param of conditionKinds[rule.kind].params) {
      const at = `${path}.${param}`;
      if (param === 'tag') input.tag = rule.tag;
      else if (param === 'stage') input.stage = rule.stage;
      else if (param === 'amount') {
        const text = rule.amount.trim();
        const amount = text ? parseMoneyInput(text, rule.currency) : null;
        if (text && amount === null) problems[at] = 'amount';
        input.amount = amount;
      } else input[param] = wholeNumber(rule[param], at);
    }
    return input;
  };

  const input = walk(root, 'rule');
  return { input: Object.keys(problems).length ? null : input, problems };
}
