import { describe, expect, it } from 'vitest';
import { maxQuickOrderLines, parseQuickOrder } from './quick-order-parse';

describe('parseQuickOrder', () => {
  it('reads tab, comma, semicolon and space separated lines, keeping their line numbers', () => {
    const parsed = parseQuickOrder('MILK-1\t12\n\nBUTTER-2, 5\r\nCHEESE-3;7\n  YOGURT-4   30  \n');
    expect(parsed.unreadable).toEqual([]);
    expect(parsed.entries).toEqual([
      { line: 1, sku: 'MILK-1', quantity: 12 },
      { line: 3, sku: 'BUTTER-2', quantity: 5 },
      { line: 4, sku: 'CHEESE-3', quantity: 7 },
      { line: 5, sku: 'YOGURT-4', quantity: 30 },
    ]);
  });

  it('reads a CSV file: header row skipped, quoted cells, extra columns ignored', () => {
    const parsed = parseQuickOrder(
      '"sku","quantity","note"\n"MILK-1","12","weekly"\nBUTTER-2,5,\n',
    );
    expect(parsed.entries).toEqual([
      { line: 2, sku: 'MILK-1', quantity: 12 },
      { line: 3, sku: 'BUTTER-2', quantity: 5 },
    ]);
    expect(parseQuickOrder('货号,数量\nMILK-1,3').entries).toEqual([
      { line: 2, sku: 'MILK-1', quantity: 3 },
    ]);
  });

  it('does not take a first line with a quantity for a header', () => {
    expect(parseQuickOrder('SKU 4').entries).toEqual([{ line: 1, sku: 'SKU', quantity: 4 }]);
  });

  it('explains each line it cannot read', () => {
    const parsed = parseQuickOrder(
      ['MILK-1', 'MILK-2 0', 'MILK-3 2.5', 'MILK-4 lots', ',4', `${'X'.repeat(65)} 1`].join('\n'),
    );
    expect(parsed.entries).toEqual([]);
    expect(parsed.unreadable.map((u) => [u.line, u.reason])).toEqual([
      [1, 'noQuantity'],
      [2, 'badQuantity'],
      [3, 'badQuantity'],
      [4, 'badQuantity'],
      [5, 'noSku'],
      [6, 'longSku'],
    ]);
    expect(parsed.unreadable[1]).toEqual({
      line: 2,
      text: 'MILK-2 0',
      sku: 'MILK-2',
      reason: 'badQuantity',
      firstLine: null,
    });
  });

  it('flags a SKU asked twice instead of adding the quantities', () => {
    const parsed = parseQuickOrder('MILK-1 3\nBUTTER-2 1\nMILK-1 4');
    expect(parsed.entries.map((e) => e.line)).toEqual([1, 2]);
    expect(parsed.unreadable).toEqual([
      { line: 3, text: 'MILK-1 4', sku: 'MILK-1', reason: 'duplicate', firstLine: 1 },
    ]);
  });

  it('keeps to the gateway’s limit of lines', () => {
    const text = Array.from({ length: maxQuickOrderLines + 2 }, (_, i) => `SKU-${i} 1`).join('\n');
    const parsed = parseQuickOrder(text);
    expect(parsed.entries).toHaveLength(maxQuickOrderLines);
    expect(parsed.unreadable.map((u) => [u.line, u.reason])).toEqual([
      [maxQuickOrderLines + 1, 'tooMany'],
      [maxQuickOrderLines + 2, 'tooMany'],
    ]);
  });
});
