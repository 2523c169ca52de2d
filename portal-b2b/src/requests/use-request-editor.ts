import {
  RequestsCompanyAddressesDocument,
  RequestsCreateQuoteRequestDocument,
  RequestsQuoteRequestDocument,
  RequestsSellersDocument,
  RequestsSubmitQuoteRequestDocument,
  RequestsUpdateQuoteRequestDocument,
  type RequestsCompanyAddressFragment,
  type RequestsDraftFragment,
  type RequestsQuoteResultFragment,
  type RequestsSellersQuery,
} from '@marketgate/graphql-client';
import { computed, ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { inputErrorsByPath } from '../shared/input-errors';
import { useSessionStore } from '../stores/session';
import {
  draftCurrency,
  emptyForm,
  formFromDraft,
  platformCurrency,
  toFieldsInput,
  type RequestError,
  type RequestForm,
} from './request-form';
import { useBuyingCompany } from './use-draft-requests';

export type EditorState = 'loading' | 'error' | 'not-found' | 'not-buyer' | 'not-draft' | 'ready';

/** Which mutation answered. */
export type EditorStep = 'create' | 'update' | 'submit';

export type EditorOutcome =
  | { kind: 'saved'; quote: RequestsDraftFragment; created: boolean }
  | { kind: 'submitted'; quote: RequestsDraftFragment }
  /** Changed elsewhere since it was shown: it has been loaded again as it is now. */
  | { kind: 'stale'; version: number }
  | { kind: 'rejected'; step: EditorStep; error: RequestError }
  /** The gateway refused the input; its messages by input path (`lines.0.quantity`). */
  | { kind: 'invalid'; fields: Record<string, string> }
  | { kind: 'failed' };

/**
 * A request for quotation being written: a new one for the buying company, or one of its drafts.
 * The gateway keeps it: saving writes it (`createQuoteRequest`, then `updateQuoteRequest` from
 * the version shown), submitting saves what changed and sends it. When someone else changed the
 * draft meanwhile the gateway refuses the stale version; the draft is then loaded again.
 */
export function useRequestEditor(id: MaybeRefOrGetter<string | null>) {
  const session = useSessionStore();
  const company = useBuyingCompany();
  const quote = shallowRef<RequestsDraftFragment | null | undefined>(undefined);
  const addresses = shallowRef<RequestsCompanyAddressFragment[]>([]);
  const sellers = shallowRef<RequestsSellersQuery['sellers']>([]);
  const form = ref<RequestForm>(emptyForm([]));
  const failed = ref(false);
  const loaded = ref(false);
  /** The form as last loaded or saved, to tell whether it changed since. */
  const pristine = ref('');
  let latest = 0;

  function show(draft: RequestsDraftFragment | null): void {
    quote.value = draft;
    form.value = draft ? formFromDraft(draft, addresses.value) : emptyForm(addresses.value);
    pristine.value = JSON.stringify(form.value);
  }

  async function load(): Promise<void> {
    const request = ++latest;
    const quoteId = toValue(id);
    failed.value = false;
    const [draft, kept, offered] = await Promise.all([
      quoteId
        ? session.client
            .query(RequestsQuoteRequestDocument, { id: quoteId }, { requestPolicy: 'network-only' })
            .toPromise()
        : null,
      session.client
        .query(RequestsCompanyAddressesDocument, {}, { requestPolicy: 'network-only' })
        .toPromise(),
      session.client.query(RequestsSellersDocument, {}).toPromise(),
    ]);
    if (request !== latest) return;
    if ((draft && !draft.data) || !kept.data || !offered.data) {
      failed.value = true;
      return;
    }
    const draftQuote = draft?.data?.quoteRequest ?? null;
    const companyId = draftQuote?.company.id ?? company.value?.id;
    addresses.value = kept.data.companies.find((c) => c.id === companyId)?.addresses ?? [];
    sellers.value = offered.data.sellers;
    show(draftQuote);
    loaded.value = true;
  }

  watch(
    () => toValue(id),
    (now) => {
      // A new request just created keeps its form: the address now names it, nothing changed.
      if (now !== null && quote.value?.id === now) return;
      loaded.value = false;
      void load();
    },
    { immediate: true },
  );

  const state = computed<EditorState>(() => {
    if (failed.value) return 'error';
    if (!loaded.value) return 'loading';
    if (toValue(id) === null) return company.value ? 'ready' : 'not-buyer';
    if (!quote.value) return 'not-found';
    return quote.value.status === 'DRAFT' ? 'ready' : 'not-draft';
  });

  /** Target prices are typed in the currency of the request's prices. */
  const currency = computed(() => (quote.value ? draftCurrency(quote.value) : platformCurrency));
  const dirty = computed(() => JSON.stringify(form.value) !== pristine.value);

  async function settle(
    step: EditorStep,
    result: RequestsQuoteResultFragment | undefined,
    error: Parameters<typeof inputErrorsByPath>[0],
  ): Promise<EditorOutcome | RequestsDraftFragment> {
    if (!result) {
      const fields = inputErrorsByPath(error);
      return fields ? { kind: 'invalid', fields } : { kind: 'failed' };
    }
    switch (result.__typename) {
      case 'QuoteRequest':
        return result;
      case 'StaleVersionError':
        await load();
        return { kind: 'stale', version: result.currentVersion };
      case 'InvalidStateError':
        // Submitted or withdrawn elsewhere: show it as it is now.
        if (step !== 'create') await load();
        return { kind: 'rejected', step, error: result };
      default:
        return { kind: 'rejected', step, error: result };
    }
  }

  async function write(): Promise<EditorOutcome> {
    const fields = toFieldsInput(form.value, currency.value);
    const current = quote.value;
    const answer = current
      ? await session.client
          .mutation(RequestsUpdateQuoteRequestDocument, {
            input: { quoteId: current.id, expectedVersion: current.version, ...fields },
          })
          .toPromise()
          .then(({ data, error }) => settle('update', data?.updateQuoteRequest, error))
      : await session.client
          .mutation(RequestsCreateQuoteRequestDocument, {
            input: { companyId: company.value?.id, sellerId: form.value.sellerId, ...fields },
          })
          .toPromise()
          .then(({ data, error }) => settle('create', data?.createQuoteRequest, error));
    if ('kind' in answer) return answer;
    show(answer);
    return { kind: 'saved', quote: answer, created: !current };
  }

  /** Writes the form as the draft; call it on a form without errors. */
  function save(): Promise<EditorOutcome> {
    return write();
  }

  /** Saves what changed, then sends the draft to the seller. */
  async function submit(): Promise<EditorOutcome> {
    if (!quote.value || dirty.value) {
      const saved = await write();
      if (saved.kind !== 'saved') return saved;
    }
    const current = quote.value as RequestsDraftFragment;
    const { data, error } = await session.client
      .mutation(RequestsSubmitQuoteRequestDocument, {
        input: { quoteId: current.id, expectedVersion: current.version },
      })
      .toPromise();
    const answer = await settle('submit', data?.submitQuoteRequest, error);
    if ('kind' in answer) return answer;
    quote.value = answer;
    return { kind: 'submitted', quote: answer };
  }

  return {
    state,
    quote,
    addresses,
    sellers,
    form,
    currency,
    dirty,
    save,
    submit,
    reload: load,
  };
}
