import { describe, expect, it } from 'vitest';
import {
  addPart,
  csvParts,
  emptyCheck,
  MAX_LISTED_PROBLEMS,
  readCsvRecords,
  type CsvPart,
} from './csv-parts';

const HEADER = ['product_slug', 'product_name', 'category_slug', 'sku', 'list_price'];

async function read(text: string) {
  const seen: number[] = [];
  const records = await readCsvRecords(text, (done) => seen.push(done));
  return { records, seen };
}

describe('readCsvRecords', () => {
  it('reads quoted cells, doubled quotes and line breaks in cells, as the gateway does', async () => {
    const { records } = await read(
      '\uFEFFproduct_slug,description\r\n\r\ntea,"Green, ""fresh""\nleaves"\r\nmug,🙂 杯\r\n\r\n',
    );
    expect(records).toEqual([
      ['product_slug', 'description'],
      ['tea', 'Green, "fresh"\nleaves'],
      ['mug', '🙂 杯'],
    ]);
  });

  it('reads a large file in slices, telling how far it got', async () => {
    const row = 'a4-paper,"A4 paper, 80 g 🙂",paper,SKU-1,25.00';
    const text = [HEADER.join(','), ...Array.from({ length: 20_000 }, () => row)].join('\n');
    const { records, seen } = await read(text);
    expect(records).toHaveLength(20_001);
    expect(records?.at(-1)).toEqual(['a4-paper', 'A4 paper, 80 g 🙂', 'paper', 'SKU-1', '25.00']);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(text.length);
  });

  it('answers null for text that is not well-formed CSV', async () => {
    expect((await read('product_slug,sku\n"tea,T-1\n')).records).toBeNull();
  });
});

describe('csvParts', () => {
  const row = (slug: string, sku: string) => [slug, slug ? 'Name' : '', 'cat', sku, '1'];
  const firstAndSize = (parts: CsvPart[]) => parts.map((p) => [p.firstRow, p.rows]);

  it('cuts parts of about the given size, each with the header, numbered as in the file', async () => {
    const records = [HEADER, ...Array.from({ length: 7 }, (_, i) => row(`p${i}`, `S-${i}`))];
    const parts = csvParts(records, 3);
    expect(firstAndSize(parts)).toEqual([
      [1, 3],
      [4, 3],
      [7, 1],
    ]);
    expect((await read(parts[1]!.csv())).records).toEqual([HEADER, ...records.slice(4, 7)]);
  });

  it('keeps the rows of one product together, even apart in the file', () => {
    const records = [
      HEADER,
      row('tea', 'T-1'),
      row('tea', 'T-2'),
      row('tea', 'T-3'),
      row('mug', 'M-1'),
      row('pen', 'P-1'),
      row('mug', 'M-2'),
      row('', 'X-1'),
      row('', 'X-2'),
    ];
    expect(firstAndSize(csvParts(records, 2))).toEqual([
      [1, 3],
      [4, 3],
      [7, 2],
    ]);
  });

  it('keeps cells exactly, quotes and line breaks included', async () => {
    const records = [
      HEADER,
      ['tea', 'Say "hi",\nthen', ' cat ', 'T-1', ''],
      ['mug', 'plain', 'a\rb', 'M-1', '"'],
    ];
    const csv = csvParts(records)[0]!.csv();
    expect(csv.split('\r\n')[0]).toBe(HEADER.join(','));
    expect((await read(csv)).records).toEqual(records);
  });

  it('has no part for a file without data rows', () => {
    expect(csvParts([HEADER])).toEqual([]);
    expect(csvParts([])).toEqual([]);
  });
});

describe('addPart', () => {
  const part = (errors: number, fields = {}) => ({
    ...emptyCheck(),
    totalRows: 10,
    validRows: 10 - errors,
    productsCreated: 2,
    variantsUpdated: 3,
    errors: Array.from({ length: errors }, (_, i) => ({
      row: i + 1,
      column: null,
      message: 'bad',
      code: 'INVALID' as const,
      params: [],
    })),
    ...fields,
  });

  it('adds the counts of the parts', () => {
    const sum = addPart(addPart(emptyCheck(), part(0)), part(1));
    expect(sum).toMatchObject({
      committed: false,
      totalRows: 20,
      validRows: 19,
      productsCreated: 4,
      variantsUpdated: 6,
      unlisted: 0,
    });
    expect(sum.errors).toHaveLength(1);
  });

  it(`lists at most ${MAX_LISTED_PROBLEMS} problems and counts the rest`, () => {
    let sum = emptyCheck();
    for (let i = 0; i < 3; i++) sum = addPart(sum, part(400));
    expect(sum.errors).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(sum.unlisted).toBe(200);
  });
});
