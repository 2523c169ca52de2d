/** A line of pasted text or of a CSV file that asks for a SKU in a quantity. */
export interface QuickOrderEntry {
  /** 1-based line of the text, as the buyer sees it in their file or paste. */
  line: number;
  sku: string;
  quantity: number;
}

/** Why a line could not be read, before anything is sent to the gateway. */
export type UnreadableReason =
  'noSku' | 'noQuantity' | 'badQuantity' | 'longSku' | 'duplicate' | 'tooMany';

export interface UnreadableLine {
  line: number;
  /** The line as it was written. */
  text: string;
  sku: string;
  reason: UnreadableReason;
  /** `duplicate`: the line that already asks for this SKU. */
  firstLine: number | null;
}

export interface ParsedQuickOrder {
  entries: QuickOrderEntry[];
  unreadable: UnreadableLine[];
}

/** The gateway resolves at most this many lines at once. */
export const maxQuickOrderLines = 500;
const maxQuantity = 10_000_000;
const maxSkuLength = 64;
const headerSku = /^(sku|货号|商品编码|编码)$/i;

/**
 * The cells of one line: tab, comma or semicolon separated (spreadsheets and CSV files), or
 * failing those, spaces ("SKU 12"). Cells may be quoted as CSV writes them.
 */
function cellsOf(text: string): string[] {
  const separated = /[\t,;]/.test(text) ? text.split(/[\t,;]/) : text.trim().split(/\s+/);
  return separated.map((cell) =>
    cell
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim(),
  );
}

/**
 * Reads "SKU quantity" lines, as pasted from a spreadsheet or read from a CSV file. Blank lines
 * and a header row ("sku,quantity") are skipped; every other line is either an entry or an
 * unreadable line with its reason, so the buyer can fix it where it is. A SKU asked twice is
 * flagged rather than summed: which quantity was meant is the buyer's call.
 */
export function parseQuickOrder(text: string): ParsedQuickOrder {
  const entries: QuickOrderEntry[] = [];
  const unreadable: UnreadableLine[] = [];
  const firstLineOf = new Map<string, number>();
  let seenContent = false;

  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    if (!raw.trim()) return;
    const [sku = '', quantityText = ''] = cellsOf(raw);
    const isFirst = !seenContent;
    seenContent = true;
    if (isFirst && headerSku.test(sku) && !/^\d+$/.test(quantityText)) return;
    const problem = (reason: UnreadableReason, firstLine: number | null = null) =>
      unreadable.push({ line, text: raw.trim(), sku, reason, firstLine });

    if (!sku) return problem('noSku');
    if (sku.length > maxSkuLength) return problem('longSku');
    if (!quantityText) return problem('noQuantity');
    const quantity = /^\d+$/.test(quantityText) ? Number(quantityText) : NaN;
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > maxQuantity) {
      return problem('badQuantity');
    }
    const first = firstLineOf.get(sku);
    if (first !== undefined) return problem('duplicate', first);
    if (entries.length >= maxQuickOrderLines) return problem('tooMany');
    firstLineOf.set(sku, line);
    entries.push({ line, sku, quantity });
  });

  return { entries, unreadable };
}
