import { registerEnumType } from 'type-graphql';
import { InputProblemCode as Code, type ProblemParams } from '../../api/input-problems.js';
import { AccountType, LifecycleStage } from './audience.entity.js';

export enum SegmentRuleKind {
  ALL = 'ALL',
  ANY = 'ANY',
  FIRST_TIME_BUYER = 'FIRST_TIME_BUYER',
  REPEAT_BUYER = 'REPEAT_BUYER',
  LAPSED = 'LAPSED',
  HIGH_VALUE = 'HIGH_VALUE',
  HAS_TAG = 'HAS_TAG',
  LIFECYCLE_STAGE = 'LIFECYCLE_STAGE',
  CONTRACT_ENDING = 'CONTRACT_ENDING',
  QUOTE_LOST = 'QUOTE_LOST',
  OPEN_RFQ = 'OPEN_RFQ',
}
registerEnumType(SegmentRuleKind, {
  name: 'SegmentRuleKind',
  description:
    "Orders are a consumer's orders not cancelled, expired or refused; a company's are its " +
    'call-off orders placed or delivered and its one-off contracts signed (active or completed). ' +
    "In a seller's segment only that seller's orders, quotes and contracts count.",
  valuesConfig: {
    ALL: { description: 'Every rule of `rules` holds.' },
    ANY: { description: 'At least one rule of `rules` holds.' },
    FIRST_TIME_BUYER: { description: 'Exactly one order, ever.' },
    REPEAT_BUYER: { description: 'At least `count` (2 or more) orders in the last `days` days.' },
    LAPSED: { description: 'Ordered before, but not in the last `days` days.' },
    HIGH_VALUE: {
      description:
        'Spent more than `amount` (minor units of the platform currency) in the last `days` days.',
    },
    HAS_TAG: { description: "Carries `tag` (the segment owner's tags)." },
    LIFECYCLE_STAGE: {
      description:
        'Companies at `stage`: the one the seller set, else the one proposed from its spend ' +
        "(a platform segment: any seller's set stage, else the proposal from all its spend).",
    },
    CONTRACT_ENDING: {
      description: 'Companies with an active contract ending in the next `days` days.',
    },
    QUOTE_LOST: {
      description:
        'Companies with a quote lost in the last `days` days: cancelled after an offer, or ' +
        'whose offer expired unanswered.',
    },
    OPEN_RFQ: {
      description:
        'Companies with a request for quotation under way: submitted, countered, in approval, ' +
        'or with an offer still valid.',
    },
  },
});

const { ALL, ANY } = SegmentRuleKind;

/** A rule as stored and evaluated: each kind with exactly its own parameters. */
export type SegmentRule =
  | { kind: SegmentRuleKind.ALL | SegmentRuleKind.ANY; rules: SegmentRule[] }
  | { kind: SegmentRuleKind.FIRST_TIME_BUYER | SegmentRuleKind.OPEN_RFQ }
  | { kind: SegmentRuleKind.REPEAT_BUYER; count: number; days: number }
  | {
      kind: SegmentRuleKind.LAPSED | SegmentRuleKind.CONTRACT_ENDING | SegmentRuleKind.QUOTE_LOST;
      days: number;
    }
  | { kind: SegmentRuleKind.HIGH_VALUE; amount: number; days: number }
  | { kind: SegmentRuleKind.HAS_TAG; tag: string }
  | { kind: SegmentRuleKind.LIFECYCLE_STAGE; stage: LifecycleStage };

/** A rule as a client writes it: one shape for every kind (GraphQL has no input unions). */
export interface SegmentRuleFields {
  kind: SegmentRuleKind;
  days?: number | null;
  count?: number | null;
  amount?: number | null;
  tag?: string | null;
  stage?: LifecycleStage | null;
  rules?: SegmentRuleFields[] | null;
}

type Param = 'days' | 'count' | 'amount' | 'tag' | 'stage' | 'rules';
const paramNames: Param[] = ['days', 'count', 'amount', 'tag', 'stage', 'rules'];
const both = [AccountType.CONSUMER, AccountType.COMPANY];
const companies = [AccountType.COMPANY];

/** Each kind's parameters, in the order they are stored, and whom it can select. */
export const ruleKinds: Record<SegmentRuleKind, { params: Param[]; accounts: AccountType[] }> = {
  ALL: { params: ['rules'], accounts: both },
  ANY: { params: ['rules'], accounts: both },
  FIRST_TIME_BUYER: { params: [], accounts: both },
  REPEAT_BUYER: { params: ['count', 'days'], accounts: both },
  LAPSED: { params: ['days'], accounts: both },
  HIGH_VALUE: { params: ['amount', 'days'], accounts: both },
  HAS_TAG: { params: ['tag'], accounts: both },
  LIFECYCLE_STAGE: { params: ['stage'], accounts: companies },
  CONTRACT_ENDING: { params: ['days'], accounts: companies },
  QUOTE_LOST: { params: ['days'], accounts: companies },
  OPEN_RFQ: { params: [], accounts: companies },
};

/** Bounds of the numeric parameters (inclusive). */
export const ruleBounds = {
  days: [1, 3650],
  count: [2, 1000],
  amount: [1, 2_000_000_000],
} as const;

/** Groups nest at most this deep (the outermost counts), with at most this many rules in all. */
export const MAX_RULE_DEPTH = 3;
export const MAX_RULES = 30;
/** Rules of one group. */
export const MAX_GROUP_SIZE = 10;

export const TAG_MAX_LENGTH = 40;
const TAG = /^[\p{L}\p{N}](?:[\p{L}\p{N} ._:&+/-]*[\p{L}\p{N}])?$/u;
export const TAG_RULE =
  `A tag is 1 to ${TAG_MAX_LENGTH} letters, digits, spaces or . _ : & + / -, ` +
  'starting and ending with a letter or digit';
/** The refusal of a malformed tag, in a rule or given to a mutation. */
export const tagProblem = {
  message: TAG_RULE,
  code: Code.TAG,
  params: { max: TAG_MAX_LENGTH },
} as const;

/**
 * A tag as kept: compatibility forms folded (full-width letters typed with a Chinese input
 * method become the usual ones), trimmed, inner spaces collapsed, lower case; so "VIP ",
 * "ＶＩＰ" and "vip" are one tag. Null when the text is no tag (see TAG_RULE).
 */
export function normaliseTag(text: string): string | null {
  const tag = text.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase();
  return [...tag].length <= TAG_MAX_LENGTH && TAG.test(tag) ? tag : null;
}

export interface RuleProblem {
  path: string;
  message: string;
  code: Code;
  params?: ProblemParams;
}

/**
 * Checks a rule tree as written for segments of `accountType` and returns it normalised (only
 * each kind's own parameters, tags normalised), or every problem found, each at its input path
 * (`path` is the rule's own, e.g. `input.rule`; a nested one is `input.rule.rules.1`).
 */
export function normaliseRule(
  input: SegmentRuleFields,
  accountType: AccountType,
  path: string,
): { rule: SegmentRule } | { problems: RuleProblem[] } {
  const problems: RuleProblem[] = [];
  let count = 0;

  const walk = (node: SegmentRuleFields, at: string, depth: number): SegmentRule => {
    count += 1;
    const kind = ruleKinds[node.kind];
    if (!kind.accounts.includes(accountType)) {
      problems.push({
        path: `${at}.kind`,
        message: `${node.kind} selects companies only, not ${accountType.toLowerCase()}s`,
        code: Code.NOT_APPLICABLE,
      });
    }
    const rule: Record<string, unknown> = { kind: node.kind };
    for (const name of paramNames) {
      const value = node[name];
      const given = value !== null && value !== undefined;
      const where = `${at}.${name}`;
      if (!kind.params.includes(name)) {
        if (given)
          problems.push({
            path: where,
            message: `${node.kind} takes no ${name}`,
            code: Code.NOT_APPLICABLE,
          });
        continue;
      }
      if (!given) {
        problems.push({
          path: where,
          message: `${node.kind} needs ${name}`,
          code: Code.REQUIRED,
        });
        continue;
      }
      if (name === 'days' || name === 'count' || name === 'amount') {
        const [min, max] = ruleBounds[name];
        if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
          problems.push({
            path: where,
            message: `${name} must be from ${min} to ${max}`,
            code: Code.RANGE,
            params: { min, max },
          });
        }
        rule[name] = value;
      } else if (name === 'tag') {
        const tag = normaliseTag(value as string);
        if (tag === null) problems.push({ path: where, ...tagProblem });
        rule.tag = tag;
      } else if (name === 'stage') {
        rule.stage = value;
      } else {
        const rules = value as SegmentRuleFields[];
        if (rules.length === 0 || rules.length > MAX_GROUP_SIZE) {
          problems.push({
            path: where,
            message: `A group holds 1 to ${MAX_GROUP_SIZE} rules`,
            code: Code.ITEMS_RANGE,
            params: { min: 1, max: MAX_GROUP_SIZE },
          });
        }
        if (depth >= MAX_RULE_DEPTH && rules.some((r) => r.kind === ALL || r.kind === ANY)) {
          problems.push({
            path: where,
            message: `Groups nest at most ${MAX_RULE_DEPTH} deep`,
            code: Code.NESTING,
            params: { max: MAX_RULE_DEPTH },
          });
          rule.rules = [];
        } else {
          rule.rules = rules.map((r, i) => walk(r, `${where}.${i}`, depth + 1));
        }
      }
    }
    return rule as SegmentRule;
  };

  const rule = walk(input, path, 1);
  if (count > MAX_RULES) {
    problems.push({
      path,
      message: `A segment has at most ${MAX_RULES} rules in all`,
      code: Code.MAX_ITEMS,
      params: { max: MAX_RULES },
    });
  }
  return problems.length ? { problems } : { rule };
}

/** The stage proposed for a company that spent `spend` with a seller over the last 365 days. */
export function proposeStage(
  spend: number,
  thresholds: { growthSpend: number; matureSpend: number },
): LifecycleStage {
  if (spend >= thresholds.matureSpend) return LifecycleStage.MATURE;
  if (spend >= thresholds.growthSpend) return LifecycleStage.GROWTH;
  return LifecycleStage.STARTUP;
}

/** The window of `proposeStage`. */
export const LIFECYCLE_WINDOW_DAYS = 365;
