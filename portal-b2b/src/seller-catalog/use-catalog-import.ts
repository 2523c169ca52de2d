import {
  SellerCatalogImportCsvDocument,
  type SellerCatalogImportReportFragment,
} from '@marketgate/graphql-client';
import { computed, ref, shallowRef } from 'vue';
import { useSessionStore } from '../stores/session';
import {
  addPart,
  CHECK_PART_ROWS,
  csvParts,
  emptyCheck,
  readCsvRecords,
  type CheckReport,
  type CsvPart,
} from './csv-parts';

/**
 * Where an import stands: the file is read in the browser, then checked by the gateway in dry
 * runs that write nothing, part by part; only a clean check can be committed, which the gateway
 * checks again.
 */
export type ImportPhase = 'idle' | 'reading' | 'checking' | 'checked' | 'committing' | 'committed';

/** Why the last step did not go through: the file could not be read, or the request failed. */
export type ImportFailure = 'read' | 'request' | 'seller';

/**
 * A catalog CSV import. The file is checked in parts of `partRows` rows, so the progress shows
 * rows checked of all; then it is committed whole in one request. Every import is
 * ALL_OR_NOTHING: a commit writes the whole file or, when the gateway finds a problem (a row
 * gone bad since the check, a SKU repeated across parts), nothing and a new report.
 */
export function useCatalogImport(partRows = CHECK_PART_ROWS) {
  const session = useSessionStore();
  const phase = ref<ImportPhase>('idle');
  const file = shallowRef<{ name: string; size: number } | null>(null);
  /** How far the current step is: characters read, or data rows checked, of `total`. */
  const progress = ref({ done: 0, total: 0 });
  const report = shallowRef<CheckReport | null>(null);
  const failure = ref<ImportFailure | null>(null);
  let csv = '';
  let parts: CsvPart[] = [];
  /** The parts checked so far, added up; a failed request resumes at `next`. */
  let check = { next: 0, sum: emptyCheck() };
  let attempt = 0;

  async function send(
    input: { csv: string; firstRow?: number },
    dryRun: boolean,
  ): Promise<SellerCatalogImportReportFragment | ImportFailure> {
    const { data, error } = await session.client
      .mutation(SellerCatalogImportCsvDocument, {
        input: { ...input, mode: 'ALL_OR_NOTHING', dryRun },
      })
      .toPromise();
    const result = data?.importCatalogCsv;
    if (!result || error) return 'request';
    return result.__typename === 'NotFoundError' ? 'seller' : result;
  }

  const rowsIn = (list: CsvPart[]) => list.reduce((sum, part) => sum + part.rows, 0);

  /** Checks the parts not checked yet, one request each. */
  async function checkParts(id: number): Promise<void> {
    phase.value = 'checking';
    failure.value = null;
    while (check.next < parts.length) {
      const part = parts[check.next] as CsvPart;
      const result = await send({ csv: part.csv(), firstRow: part.firstRow }, true);
      if (id !== attempt) return;
      if (typeof result === 'string') {
        failure.value = result;
        phase.value = 'idle';
        return;
      }
      check = { next: check.next + 1, sum: addPart(check.sum, result) };
      progress.value = { done: rowsIn(parts.slice(0, check.next)), total: rowsIn(parts) };
      // A whole-file problem (the header) would only repeat in every part.
      if (result.errors.some((error) => error.row === 0)) {
        const unchecked = rowsIn(parts.slice(check.next));
        check = {
          next: parts.length,
          sum: { ...check.sum, totalRows: check.sum.totalRows + unchecked },
        };
      }
    }
    report.value = check.sum;
    phase.value = 'checked';
  }

  /** Reads the chosen file and has the gateway check it, writing nothing. */
  async function choose(chosen: File): Promise<void> {
    const id = ++attempt;
    file.value = { name: chosen.name, size: chosen.size };
    progress.value = { done: 0, total: chosen.size };
    report.value = null;
    failure.value = null;
    phase.value = 'reading';
    let text: string;
    try {
      text = await chosen.text();
    } catch {
      if (id !== attempt) return;
      failure.value = 'read';
      phase.value = 'idle';
      return;
    }
    if (id !== attempt) return;
    progress.value = { done: 0, total: text.length };
    const records = await readCsvRecords(text, (done) => {
      if (id === attempt) progress.value = { done, total: text.length };
    });
    if (id !== attempt) return;
    csv = text;
    parts = records ? csvParts(records, partRows) : [];
    // Not CSV, empty, or a header only: the gateway reads the file whole and says why.
    if (parts.length === 0) parts = [{ csv: () => text, firstRow: 1, rows: 0 }];
    check = { next: 0, sum: emptyCheck() };
    progress.value = { done: 0, total: rowsIn(parts) };
    await checkParts(id);
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
    if (!ready.value) return;
    const id = attempt;
    phase.value = 'committing';
    failure.value = null;
    const result = await send({ csv }, false);
    if (id !== attempt) return;
    if (typeof result === 'string') {
      failure.value = result;
      phase.value = result === 'seller' ? 'idle' : 'checked';
      return;
    }
    report.value = { ...emptyCheck(), ...result };
    phase.value = result.committed ? 'committed' : 'checked';
  }

  /** After a failed request: the check goes on where it stopped, or the commit is sent again. */
  async function retry(): Promise<void> {
    if (report.value) await commit();
    else if (csv && check.next < parts.length) await checkParts(attempt);
  }

  return { phase, file, progress, report, failure, ready, choose, commit, retry };
}
