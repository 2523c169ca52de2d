import {
  ApprovalsCreditCompaniesDocument,
  ApprovalsCreditLinesDocument,
  ApprovalsSetCreditLimitDocument,
  type ApprovalsCreditLineFragment,
  type ApprovalsSetCreditLimitMutation,
  type LoadState,
} from '@marketgate/graphql-client';
import { computed, ref, shallowRef } from 'vue';
import { fieldErrorsOf } from '../shared/input-errors';
import { useSessionStore } from '../stores/session';

/** A company the shop has a contract with but no credit line for yet. */
export interface CreditCandidate {
  id: string;
  name: string;
  /** The currency of its contracts, in which a limit is typed. */
  currency: string;
}

export type CreditLimitOutcome =
  | { kind: 'done'; line: ApprovalsCreditLineFragment }
  | {
      kind: 'refused';
      error: Exclude<
        ApprovalsSetCreditLimitMutation['setCreditLimit'],
        { __typename: 'CreditLine' }
      >;
    }
  /** The gateway refused the input; messages by field name (`limit`). */
  | { kind: 'invalid'; fields: Record<string, string> }
  | { kind: 'failed' };

const byCompany = (a: ApprovalsCreditLineFragment, b: ApprovalsCreditLineFragment): number =>
  a.company.name.localeCompare(b.company.name);

/**
 * The credit lines the seller's shop gives, each with the limit, what the company owes now
 * (exposure) and what call-off orders may still draw, all three from the gateway; and the
 * companies under contract that have none yet.
 */
export function useCreditLines() {
  const session = useSessionStore();
  const lines = shallowRef<ApprovalsCreditLineFragment[] | undefined>(undefined);
  const contracted = shallowRef<CreditCandidate[]>([]);
  const failed = ref(false);
  const fetching = ref(false);

  async function load(): Promise<void> {
    fetching.value = true;
    const [credit, contracts] = await Promise.all([
      session.client
        .query(ApprovalsCreditLinesDocument, {}, { requestPolicy: 'network-only' })
        .toPromise(),
      session.client
        .query(ApprovalsCreditCompaniesDocument, {}, { requestPolicy: 'network-only' })
        .toPromise(),
    ]);
    fetching.value = false;
    failed.value = Boolean(credit.error) || !credit.data;
    if (credit.data) lines.value = [...credit.data.creditLines].sort(byCompany);
    const companies = new Map<string, CreditCandidate>();
    for (const { node: contract } of contracts.data?.contracts.edges ?? []) {
      const { id, name } = contract.company;
      if (!companies.has(id)) companies.set(id, { id, name, currency: contract.total.currency });
    }
    contracted.value = [...companies.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
  void load();

  const state = computed<LoadState>(() => {
    if (failed.value && !fetching.value && !lines.value) return 'error';
    if (!lines.value) return 'loading';
    return lines.value.length === 0 ? 'empty' : 'ready';
  });

  const candidates = computed(() => {
    const given = new Set((lines.value ?? []).map((line) => line.company.id));
    return contracted.value.filter((company) => !given.has(company.id));
  });

  /** Sets one company's limit (minor units); the line shown is replaced by the gateway's. */
  async function setLimit(companyId: string, limit: number): Promise<CreditLimitOutcome> {
    const { data, error } = await session.client
      .mutation(ApprovalsSetCreditLimitDocument, { input: { companyId, limit } })
      .toPromise();
    const result = data?.setCreditLimit;
    if (!result) {
      const fields = fieldErrorsOf(error);
      return fields ? { kind: 'invalid', fields } : { kind: 'failed' };
    }
    if (result.__typename !== 'CreditLine') return { kind: 'refused', error: result };
    const others = (lines.value ?? []).filter((line) => line.id !== result.id);
    lines.value = [...others, result].sort(byCompany);
    return { kind: 'done', line: result };
  }

  return { lines, candidates, state, reload: load, setLimit };
}
