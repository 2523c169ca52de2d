import {
  AudienceSegmentPreviewDocument,
  type AccountType,
  type AudienceSegmentPreviewQuery,
  type SegmentRuleInput,
} from '@marketgate/graphql-client';
import { onScopeDispose, ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { inputErrorsByPath } from '../shared/input-errors';
import { useSessionStore } from '../stores/session';

/** Members a preview shows. */
export const PREVIEW_SIZE = 10;
/** How long typing pauses before the preview is asked for. */
export const PREVIEW_DELAY_MS = 300;

export type PreviewState = 'idle' | 'loading' | 'ready' | 'refused' | 'error';

/**
 * What a rule being edited selects now: its member count and first members, asked for once
 * typing pauses. A newer rule supersedes the answer to an older one, which is dropped when it
 * comes. A rule the gateway refuses answers its problems by path (`rule.rules.0.days`).
 */
export function useSegmentPreview(
  request: MaybeRefOrGetter<{ accountType: AccountType; rule: SegmentRuleInput | null }>,
) {
  const session = useSessionStore();
  const state = ref<PreviewState>('idle');
  const preview = shallowRef<AudienceSegmentPreviewQuery['segmentPreview'] | null>(null);
  const problems = shallowRef<Record<string, string>>({});
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function ask(accountType: AccountType, rule: SegmentRuleInput, id: number) {
    const { data, error } = await session.client
      .query(
        AudienceSegmentPreviewDocument,
        { accountType, rule, first: PREVIEW_SIZE },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    if (id !== latest) return;
    const refused = inputErrorsByPath(error);
    problems.value = refused ?? {};
    if (data?.segmentPreview) {
      preview.value = data.segmentPreview;
      state.value = 'ready';
    } else {
      state.value = refused ? 'refused' : 'error';
    }
  }

  function schedule(): void {
    const { accountType, rule } = toValue(request);
    const id = ++latest;
    clearTimeout(timer);
    if (!rule) {
      state.value = 'idle';
      problems.value = {};
      return;
    }
    state.value = 'loading';
    timer = setTimeout(() => void ask(accountType, rule, id), PREVIEW_DELAY_MS);
  }

  watch(() => JSON.stringify(toValue(request)), schedule, { immediate: true });
  onScopeDispose(() => {
    clearTimeout(timer);
    latest += 1;
  });

  return { state, preview, problems, retry: schedule };
}
