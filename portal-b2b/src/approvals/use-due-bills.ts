import {
  ApprovalsDueBillsDocument,
  type ApprovalsBillFragment,
  type ApprovalsDueBillsQuery,
} from '@marketgate/graphql-client';
import { shallowRef, type MaybeRefOrGetter } from 'vue';
import { useCursorPages } from '../shared/use-cursor-pages';
import { useSessionStore } from '../stores/session';
import type { BillListQuery } from './list-query';

export const BILLS_PAGE_SIZE = 20;

/** What all the bills of the list add up to, per currency, as the gateway counts them. */
export type BillTotals = Pick<
  ApprovalsDueBillsQuery['dueMilestones'],
  'outstanding' | 'overdue' | 'overdueCount'
>;

/**
 * What the viewer's companies owe and have not paid: installments and call-off invoices that fell
 * due, a page at a time, filtered (overdue only, company, contract) and sorted on the gateway,
 * with the totals of the whole list. The gateway decides what is due and adds it up.
 */
export function useDueBills(list: MaybeRefOrGetter<BillListQuery>) {
  const session = useSessionStore();
  const totals = shallowRef<BillTotals | null>(null);
  const { items, ...pages } = useCursorPages<ApprovalsBillFragment, BillListQuery>(
    list,
    async ({ overdueOnly, companyId, contractId, sort }, first, after) => {
      const { data, error } = await session.client
        .query(
          ApprovalsDueBillsDocument,
          { filter: { overdueOnly, companyId, contractId }, sort, first, after },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      if (error || !data) return undefined;
      const { outstanding, overdue, overdueCount } = data.dueMilestones;
      totals.value = { outstanding, overdue, overdueCount };
      return data.dueMilestones;
    },
    BILLS_PAGE_SIZE,
  );
  return { bills: items, totals, ...pages };
}
