import { computed, ref } from 'vue';

/**
 * The `after` cursor of a forward-only connection plus the cursors of the pages already seen,
 * so "previous" can go back one page at a time.
 */
export function useCursorStack() {
  const previousCursors = ref<(string | null)[]>([]);
  const after = ref<string | null>(null);

  return {
    after,
    pageNumber: computed(() => previousCursors.value.length + 1),
    hasPrevious: computed(() => previousCursors.value.length > 0),
    /** Moves on to the page after `endCursor`. */
    forward(endCursor: string): void {
      previousCursors.value.push(after.value);
      after.value = endCursor;
    },
    back(): void {
      after.value = previousCursors.value.pop() ?? null;
    },
    reset(): void {
      previousCursors.value = [];
      after.value = null;
    },
  };
}
