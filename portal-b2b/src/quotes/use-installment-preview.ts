import {
  QuotesInstallmentPreviewDocument,
  type ScheduleProblemCode,
} from '@marketgate/graphql-client';
import { onScopeDispose, ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { useSessionStore } from '../stores/session';
import type { CheckedMilestone } from './installment-schedule';

/** A schedule to ask about: its milestones as the gateway takes them, and the rows they are. */
export interface PreviewRequest {
  total: number;
  currency: string;
  milestones: CheckedMilestone[];
  /** The builder's row key of each milestone, so an answer finds its rows even after edits. */
  keys: number[];
}

export interface SchedulePreviewProblem {
  /** The row it concerns; null for the schedule as a whole. */
  key: number | null;
  code: ScheduleProblemCode;
  message: string;
}

/** The gateway's word on a schedule, for the total it was asked about. */
export type SchedulePreview =
  | { kind: 'split'; total: number; amounts: ReadonlyMap<number, number> }
  | { kind: 'invalid'; total: number; percentBp: number; problems: SchedulePreviewProblem[] };

export const PREVIEW_DELAY_MS = 250;

/**
 * Asks the gateway how the offer's total splits over the schedule being written (or why it
 * would refuse it) once typing pauses, so the builder shows what the contract will say. The
 * latest request's answer wins; while one is on its way `checking` is true and the previous
 * answer stays on show. No request (null) clears the answer.
 */
export function useInstallmentPreview(
  request: MaybeRefOrGetter<PreviewRequest | null>,
  delayMs = PREVIEW_DELAY_MS,
) {
  const session = useSessionStore();
  const preview = shallowRef<SchedulePreview | null>(null);
  const checking = ref(false);
  const failed = ref(false);
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function ask(wanted: PreviewRequest): Promise<void> {
    const asked = ++latest;
    const { data, error } = await session.client
      .query(
        QuotesInstallmentPreviewDocument,
        {
          input: {
            total: { amount: wanted.total, currency: wanted.currency },
            milestones: wanted.milestones,
          },
        },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    if (asked !== latest) return;
    checking.value = false;
    const answer = data?.installmentPreview;
    failed.value = Boolean(error) || !answer;
    if (!answer) {
      preview.value = null;
    } else if (answer.__typename === 'InstallmentPreview') {
      preview.value = {
        kind: 'split',
        total: wanted.total,
        amounts: new Map(
          answer.installments.map((i, at) => [wanted.keys[at] as number, i.amount.amount]),
        ),
      };
    } else {
      preview.value = {
        kind: 'invalid',
        total: wanted.total,
        percentBp: answer.percentBp,
        problems: answer.problems.map((p) => ({
          key: p.milestone === null ? null : (wanted.keys[p.milestone] ?? null),
          code: p.code,
          message: p.message,
        })),
      };
    }
  }

  watch(
    () => JSON.stringify(toValue(request)),
    () => {
      clearTimeout(timer);
      const wanted = toValue(request);
      if (!wanted) {
        latest++;
        checking.value = false;
        failed.value = false;
        preview.value = null;
        return;
      }
      checking.value = true;
      timer = setTimeout(() => void ask(wanted), delayMs);
    },
    { immediate: true },
  );
  onScopeDispose(() => {
    clearTimeout(timer);
    latest++;
  });

  return { preview, checking, failed };
}
