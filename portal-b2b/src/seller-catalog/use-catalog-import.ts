import {
  SellerCatalogImportCsvDocument,
  type SellerCatalogImportReportFragment,
} from '@marketgate/graphql-client';
import { computed, ref, shallowRef } from 'vue';
import { useSessionStore } from '../stores/session';

/**
 * Where an import stands: the file is read in the browser, then checked by the gateway in a dry
 * run that writes nothing; only a clean check can be committed, which the gateway checks again.
 */
export type ImportPhase = 'idle' | 'reading' | 'checking' | 'checked' | 'committing' | 'committed';

/** Why the last step did not go through: the file could not be read, or the request failed. */
export type ImportFailure = 'read' | 'request' | 'seller';

/** Reads a file as UTF-8 text, telling how many bytes are read so far. */
function readText(file: File, progress: (loaded: number, total: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => progress(event.loaded, event.total || file.size);
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsText(file, 'utf-8');
  });
}

/**
 * A catalog CSV import. Every import is ALL_OR_NOTHING: a commit writes the whole file or, when a
 * row went bad since the check, nothing and a new report. The gateway answers each step in one
 * request, so only reading the file has a measurable progress.
 */
export function useCatalogImport() {
  const session = useSessionStore();
  const phase = ref<ImportPhase>('idle');
  const file = shallowRef<{ name: string; size: number } | null>(null);
  const read = ref({ loaded: 0, total: 0 });
  const report = shallowRef<SellerCatalogImportReportFragment | null>(null);
  const failure = ref<ImportFailure | null>(null);
  let csv = '';
  let attempt = 0;

  async function send(dryRun: boolean, id: number): Promise<void> {
    phase.value = dryRun ? 'checking' : 'committing';
    failure.value = null;
    const { data, error } = await session.client
      .mutation(SellerCatalogImportCsvDocument, {
        input: { csv, mode: 'ALL_OR_NOTHING', dryRun },
      })
      .toPromise();
    if (id !== attempt) return;
    const result = data?.importCatalogCsv;
    if (!result || error) {
      failure.value = 'request';
      phase.value = report.value ? 'checked' : 'idle';
      return;
    }
    if (result.__typename === 'NotFoundError') {
      failure.value = 'seller';
      phase.value = 'idle';
      return;
    }
    report.value = result;
    phase.value = result.committed ? 'committed' : 'checked';
  }

  /** Reads the chosen file and has the gateway check it, writing nothing. */
  async function choose(chosen: File): Promise<void> {
    const id = ++attempt;
    file.value = { name: chosen.name, size: chosen.size };
    read.value = { loaded: 0, total: chosen.size };
    report.value = null;
    failure.value = null;
    csv = '';
    phase.value = 'reading';
    let text: string;
    try {
      text = await readText(chosen, (loaded, total) => {
        if (id === attempt) read.value = { loaded, total };
      });
    } catch {
      if (id !== attempt) return;
      failure.value = 'read';
      phase.value = 'idle';
      return;
    }
    if (id !== attempt) return;
    csv = text;
    read.value = { loaded: chosen.size, total: chosen.size };
    await send(true, id);
  }

  /** A check without a problem, and something to write. */
  const ready = computed(
    () =>
      phase.value === 'checked' &&
      report.value !== null &&
      !report.value.committed &&
      report.value.errors.length === 0 &&
      report.value.validRows > 0,
  );

  async function commit(): Promise<void> {
    if (ready.value) await send(false, attempt);
  }

  /** Checks the file already read once more, e.g. after a failed request. */
  async function check(): Promise<void> {
    if (csv && phase.value !== 'reading') await send(true, ++attempt);
  }

  return { phase, file, read, report, failure, ready, choose, check, commit };
}
