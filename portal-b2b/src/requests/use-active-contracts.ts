import {
  RequestsActiveContractsDocument,
  type RequestsContractFragment,
} from '@marketgate/graphql-client';
import { shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { useSessionStore } from '../stores/session';

/**
 * The company's contracts in force, to name the one behind a contract price. Asked for once,
 * and only when a price on screen is a contract price; until then (or if it fails) none.
 */
export function useActiveContracts(needed: MaybeRefOrGetter<boolean>) {
  const session = useSessionStore();
  const contracts = shallowRef<RequestsContractFragment[]>([]);
  let asked = false;

  watch(
    () => toValue(needed),
    async (now) => {
      if (!now || asked) return;
      asked = true;
      const { data } = await session.client.query(RequestsActiveContractsDocument, {}).toPromise();
      contracts.value = data?.contracts.edges.map((edge) => edge.node) ?? [];
    },
    { immediate: true },
  );

  return contracts;
}
