import type { AccountType } from '@marketgate/graphql-client';
import type { InjectionKey, Ref } from 'vue';
import type { ConditionDraft, ConditionKind, GroupDraft, GroupKind } from './rule-draft';

/**
 * What the rule builder's nested groups and conditions share with the editor that owns the
 * tree: the changes go through these, so the tree has one owner.
 */
export interface RuleEditing {
  accountType: Readonly<Ref<AccountType>>;
  /** Tags in use, suggested for HAS_TAG. */
  suggestions: Readonly<Ref<readonly string[]>>;
  /** Problems by path (`rule.rules.0.days`): the gateway's, and numbers that are none. */
  problems: Readonly<Ref<Record<string, string>>>;
  /** Adds a condition or a group at the end of `group`; answers its key. */
  add(group: GroupDraft, what: 'condition' | 'group'): number;
  remove(group: GroupDraft, index: number): void;
  setGroupKind(group: GroupDraft, kind: GroupKind): void;
  setKind(rule: ConditionDraft, kind: ConditionKind): void;
  setParam(
    rule: ConditionDraft,
    param: 'count' | 'days' | 'amount' | 'tag' | 'stage',
    value: string,
  ): void;
}

export const ruleEditingKey: InjectionKey<RuleEditing> = Symbol('rule editing');
