import type { SellerCatalogImportReportFragment } from '@marketgate/graphql-client';
import Papa, { type ParseResult, type Parser } from 'papaparse';

/** Data rows the gateway checks per request, so the bar moves as it goes. */
export const CHECK_PART_ROWS = 1000;

/** Problems listed at most; the report says how many more there are. */
export const MAX_LISTED_PROBLEMS = 1000;

/** Characters read per slice; the page stays responsive between slices. */
const READ_SLICE = 256 * 1024;

/** A part of a catalog CSV the gateway checks on its own. */
export interface CsvPart {
  /** The header and the part's rows, as CSV text; made when the part is sent. */
  csv: () => string;
  /** The number of the part's first data row in the whole file. */
  firstRow: number;
  /** Data rows in the part; 0 when the file is sent whole, unread. */
  rows: number;
}

/**
 * The records of a CSV text, read in slices that each give the browser a turn, so a 20,000-row
 * file does not freeze the page. Null when the text is not well-formed CSV: the gateway, which
 * has the last word on the file, then reads it whole and says what is wrong.
 */
export function readCsvRecords(
  text: string,
  progress: (read: number) => void,
): Promise<string[][] | null> {
  return new Promise((resolve) => {
    const records: string[][] = [];
    let malformed = false;
    Papa.parse<string[]>(text, {
      // As the gateway reads it: commas, quotes doubled, blank lines skipped, a BOM dropped.
      delimiter: ',',
      skipEmptyLines: true,
      chunkSize: READ_SLICE,
      chunk(results: ParseResult<string[]>, parser: Parser) {
        malformed ||= results.errors.length > 0;
        for (const record of results.data) records.push(record);
        progress(results.meta.cursor);
        parser.pause();
        setTimeout(() => parser.resume());
      },
      complete: () => resolve(malformed ? null : records),
    });
  });
}

const needsQuotes = /[",\r\n]/;

function toCsv(records: readonly string[][]): string {
  return records
    .map((record) =>
      record
        .map((cell) => (needsQuotes.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell))
        .join(','),
    )
    .join('\r\n');
}

/**
 * Splits a catalog CSV's records into parts of about `size` data rows, each with the header.
 * The rows of one product stay in one part, wherever they are in the file: its first row sets
 * the product and later rows may leave the product's cells empty, which only reads right
 * together. Rows keep their numbers in the whole file through `firstRow`.
 */
export function csvParts(records: readonly string[][], size = CHECK_PART_ROWS): CsvPart[] {
  const [header, ...rows] = records;
  if (!header) return [];
  const slugAt = header.findIndex((name) => name.trim().toLowerCase() === 'product_slug');
  const slugOf = (row: string[]) => (slugAt < 0 ? '' : (row[slugAt] ?? '').trim());
  const lastRowOf = new Map<string, number>();
  rows.forEach((row, i) => {
    if (slugOf(row)) lastRowOf.set(slugOf(row), i);
  });

  const parts: CsvPart[] = [];
  let start = 0;
  let reach = 0;
  rows.forEach((row, i) => {
    reach = Math.max(reach, lastRowOf.get(slugOf(row)) ?? i);
    const last = i === rows.length - 1;
    if (reach === i && (last || i + 1 - start >= size)) {
      const [from, to] = [start, i + 1];
      parts.push({
        csv: () => toCsv([header, ...rows.slice(from, to)]),
        firstRow: from + 1,
        rows: to - from,
      });
      start = i + 1;
    }
  });
  return parts;
}

/** The reports of a file's parts, added up as one; at most MAX_LISTED_PROBLEMS listed. */
export interface CheckReport extends SellerCatalogImportReportFragment {
  /** Problems found but not listed. */
  unlisted: number;
}

export function emptyCheck(): CheckReport {
  return {
    committed: false,
    totalRows: 0,
    validRows: 0,
    productsCreated: 0,
    productsUpdated: 0,
    variantsCreated: 0,
    variantsUpdated: 0,
    errors: [],
    unlisted: 0,
  };
}

/** Adds one part's report. Parts hold whole products, so their counts add up. */
export function addPart(sum: CheckReport, part: SellerCatalogImportReportFragment): CheckReport {
  const room = Math.max(0, MAX_LISTED_PROBLEMS - sum.errors.length);
  return {
    committed: false,
    totalRows: sum.totalRows + part.totalRows,
    validRows: sum.validRows + part.validRows,
    productsCreated: sum.productsCreated + part.productsCreated,
    productsUpdated: sum.productsUpdated + part.productsUpdated,
    variantsCreated: sum.variantsCreated + part.variantsCreated,
    variantsUpdated: sum.variantsUpdated + part.variantsUpdated,
    errors: [...sum.errors, ...part.errors.slice(0, room)],
    unlisted: sum.unlisted + Math.max(0, part.errors.length - room),
  };
}
