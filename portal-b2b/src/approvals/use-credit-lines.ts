import {
  ApprovalsCreditCompaniesDocument,
  ApprovalsCreditGivenDocument,
  ApprovalsCreditLinesDocument,
  ApprovalsSetCreditLimitDocument,
  type ApprovalsCreditLineFragment,
  type ApprovalsSetCreditLimitMutation,
} from '@marketgate/graphql-client';
import { shallowRef, type MaybeRefOrGetter } from 'vue';
import { fieldErrorsOf } from '../shared/input-errors';
import { useCursorPages } from '../shared/use-cursor-pages';
import { useSessionStore } from '../stores/session';
import type { CreditListQuery } from './list-query';

export const CREDIT_PAGE_SIZE = 20;

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

/**
 * The credit lines the seller's shop gives, a page at a time, searched, filtered and sorted on
 * the gateway, each with the limit, what the company owes now (exposure) and what call-off orders
 * may still draw, all three from the gateway; and the companies under contract (of the shop's
 * first 100 contracts) that have none yet.
 */
export function useCreditLines(list: MaybeRefOrGetter<CreditListQuery>) {
  const session = useSessionStore();
  const candidates = shallowRef<CreditCandidate[]>([]);
  const { items, ...pages } = useCursorPages<ApprovalsCreditLineFragment, CreditListQuery>(
    list,
    async ({ search, overLimitOnly, sort }, first, after) => {
      const { data, error } = await session.client
        .query(
          ApprovalsCreditLinesDocument,
          {
            filter: { search: search.trim() || null, overLimit: overLimitOnly || null },
            sort,
            first,
            after,
          },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      return error ? undefined : data?.creditLines;
    },
    CREDIT_PAGE_SIZE,
  );

  async function loadCandidates(): Promise<void> {
    const contracts = await session.client
      .query(ApprovalsCreditCompaniesDocument, {}, { requestPolicy: 'network-only' })
      .toPromise();
    const contracted = new Map<string, CreditCandidate>();
    for (const { node: contract } of contracts.data?.contracts.edges ?? []) {
      const { id, name } = contract.company;
      if (!contracted.has(id)) contracted.set(id, { id, name, currency: contract.total.currency });
    }
    const given = contracted.size
      ? await session.client
          .query(
            ApprovalsCreditGivenDocument,
            { companyIds: [...contracted.keys()] },
            { requestPolicy: 'network-only' },
          )
          .toPromise()
      : undefined;
    const withLine = new Set(given?.data?.creditLines.edges.map((edge) => edge.node.company.id));
    candidates.value = given?.data
      ? [...contracted.values()]
          .filter((company) => !withLine.has(company.id))
          .sort((a, b) => a.name.localeCompare(b.name))
      : [];
  }
  void loadCandidates();

  /** Sets one company's limit (minor units); the page and the candidates are read again. */
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
    void pages.reload();
    void loadCandidates();
    return { kind: 'done', line: result };
  }

  return { lines: items, candidates, ...pages, setLimit };
}
