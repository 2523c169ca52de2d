import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { InputProblemCode } from '../../api/input-problems.js';
import {
  MAX_REPORTED_ERRORS,
  MAX_ROWS,
  parseCatalogCsv,
  parseMajorUnits,
  reportedErrors,
} from './csv-import.service.js';

const HEADER = 'product_slug,product_name,category_slug,sku,list_price';

function cells(csv: string) {
  const parsed = parseCatalogCsv(csv);
  return { ...parsed, at: parsed.errors.map((e) => [e.row, e.column]) };
}

describe('parseMajorUnits', () => {
  it('converts major units to minor units by the currency exponent', () => {
    expect(parseMajorUnits('12.50', 'CNY')).toBe(1250);
    expect(parseMajorUnits('12.5', 'CNY')).toBe(1250);
    expect(parseMajorUnits('12', 'CNY')).toBe(1200);
    expect(parseMajorUnits('0.07', 'EUR')).toBe(7);
    expect(parseMajorUnits('1200', 'JPY')).toBe(1200);
  });

  it('rejects more decimals than the currency has, and anything not a price', () => {
    expect(() => parseMajorUnits('12.505', 'CNY')).toThrow('at most 2 decimals for CNY');
    expect(() => parseMajorUnits('12.5', 'JPY')).toThrow('JPY has no minor units');
    for (const bad of ['-1', '1e3', '1,50', '.5', '12.', 'abc'])
      expect(() => parseMajorUnits(bad, 'CNY')).toThrow('must be a price');
    expect(() => parseMajorUnits('30000000', 'CNY')).toThrow('at most');
  });
});

describe('parseCatalogCsv', () => {
  it('reads every column, with defaults for empty cells', () => {
    const parsed = parseCatalogCsv(
      [
        'product_slug,product_name,description,category_slug,status,sku,variant_name,options,list_price,currency,stock_on_hand,tiers,min_order_quantity,order_increment,image_urls,attributes',
        'tea,Green Tea,"Fresh, young leaves",beverages,active,TEA-1,"Tea, 6-pack",Pack=6-pack;Leaf=Whole,12.50,cny,40,50:11.00;10:11.50,2,2,https://a.example/1.jpg|http://a.example/2.jpg,Brand=North;Origin=CN',
        'tea,,,,,TEA-2,,,9,,,,,,,',
      ].join('\r\n'),
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.fatal).toBe(false);
    expect(parsed.totalRows).toBe(2);
    expect(parsed.products.get('tea')).toEqual({
      row: 1,
      slug: 'tea',
      name: 'Green Tea',
      description: 'Fresh, young leaves',
      categorySlug: 'beverages',
      status: 'ACTIVE',
      imageUrls: ['https://a.example/1.jpg', 'http://a.example/2.jpg'],
      attributes: [
        { name: 'Brand', value: 'North' },
        { name: 'Origin', value: 'CN' },
      ],
    });
    expect(parsed.variants).toEqual([
      {
        row: 1,
        productSlug: 'tea',
        sku: 'TEA-1',
        name: 'Tea, 6-pack',
        options: [
          { name: 'Pack', value: '6-pack' },
          { name: 'Leaf', value: 'Whole' },
        ],
        listPrice: 1250,
        currency: 'CNY',
        stockOnHand: 40,
        tiers: [
          { minQuantity: 10, unitPrice: 1150 },
          { minQuantity: 50, unitPrice: 1100 },
        ],
        minOrderQuantity: 2,
        orderIncrement: 2,
      },
      {
        row: 2,
        productSlug: 'tea',
        sku: 'TEA-2',
        name: '',
        options: [],
        listPrice: 900,
        currency: 'CNY',
        stockOnHand: 0,
        tiers: [],
        minOrderQuantity: 1,
        orderIncrement: 1,
      },
    ]);
  });

  it('reports one error per bad cell, by data row and column', () => {
    const { at, variants, errors } = cells(
      [
        'product_slug,product_name,category_slug,status,sku,list_price,currency,stock_on_hand,tiers,options,image_urls',
        'Bad Slug,Name,cat,DRAFT,S-1,1,,,,,',
        'ok,,cat,SOLD,S 2,1.234,,-1,1:5;x,Size,ftp://x',
        'fine,Fine,cat,,S-3,1,ABC,1.5,10:1;10:2,Size=L;Size=M,',
      ].join('\n'),
    );
    expect(at).toEqual([
      [1, 'product_slug'],
      [2, 'product_name'],
      [2, 'status'],
      [2, 'image_urls'],
      [2, 'sku'],
      [2, 'options'],
      [2, 'list_price'],
      [2, 'stock_on_hand'],
      [2, 'tiers'],
      [3, 'currency'],
      [3, 'options'],
      [3, 'stock_on_hand'],
      [3, 'tiers'],
    ]);
    expect(errors[1]?.message).toBe('product_name is required');
    expect(errors.map((e) => [e.code, e.params])).toEqual([
      ['SLUG', {}],
      ['REQUIRED', {}],
      ['ONE_OF', { values: 'DRAFT, ACTIVE, ARCHIVED' }],
      ['URL', { entry: 'ftp://x' }],
      ['SKU', {}],
      ['NAME_VALUE', {}],
      ['DECIMALS', { max: 2, currency: 'CNY' }],
      ['INTEGER', {}],
      ['RANGE', { min: 2, max: 1_000_000, entry: '1:5' }],
      ['CURRENCY', {}],
      ['UNIQUE', {}],
      ['INTEGER', {}],
      ['UNIQUE', {}],
    ]);
    expect(variants).toEqual([]);
  });

  it('keeps a product to one currency and to the fields of its first row', () => {
    const { at, errors, variants } = cells(
      [
        `${HEADER},currency`,
        'pen,Pen,writing,P-1,1,CNY',
        'pen,Pen,writing,P-2,1,EUR',
        'pen,Other Pen,,P-3,1,',
        'pen,,,p-1,1,',
      ].join('\n'),
    );
    expect(at).toEqual([
      [2, 'currency'],
      [3, 'product_name'],
      [4, 'sku'],
    ]);
    expect(errors.map((e) => e.message)).toEqual([
      'currency differs from row 1: the variants of a product share one currency',
      "product_name differs from row 1, the product's first row",
      'sku repeats the SKU of row 1',
    ]);
    expect(errors.map((e) => [e.code, e.params])).toEqual([
      ['SAME_CURRENCY', { row: 1 }],
      ['DIFFERS_FROM_FIRST_ROW', { row: 1 }],
      ['REPEATS_ROW', { row: 1 }],
    ]);
    expect(variants.map((v) => v.sku)).toEqual(['P-1']);
  });

  it("fails the later rows of a product whose first row's product fields are bad", () => {
    const { at } = cells([HEADER, 'cup,,kitchen,C-1,1', 'cup,,,C-2,2'].join('\n'));
    expect(at).toEqual([
      [1, 'product_name'],
      [2, 'product_slug'],
    ]);
  });

  it('checks the number of fields of each row', () => {
    const { at, errors } = cells([HEADER, 'a,A,cat,A-1', 'b,B,cat,B-1,1'].join('\n'));
    expect(at).toEqual([[1, null]]);
    expect(errors[0]?.message).toBe('has 4 fields, the header has 5');
    expect(errors[0]).toMatchObject({ code: 'FIELD_COUNT', params: { count: 4, expected: 5 } });
  });

  it('answers whole-file problems as fatal row-0 errors, one per problem of the header', () => {
    const fatal = (csv: string) => {
      const parsed = parseCatalogCsv(csv);
      expect(parsed.fatal).toBe(true);
      expect(parsed.errors.every((e) => e.row === 0 && e.column === null)).toBe(true);
      return parsed.errors.map(({ message, code, params }) => ({ message, code, params }));
    };
    expect(fatal('  \n')).toEqual([
      { message: 'The file is empty', code: 'FILE_EMPTY', params: {} },
    ]);
    expect(fatal(HEADER)).toEqual([
      { message: 'The file has a header but no data rows', code: 'NO_ROWS', params: {} },
    ]);
    expect(fatal('product_slug,Product_Name,sku,sku,colour\n')).toEqual([
      {
        message: 'Header: unknown columns: "colour"',
        code: 'UNKNOWN_COLUMNS',
        params: { columns: '"colour"' },
      },
      {
        message: 'Header: repeated columns: sku',
        code: 'REPEATED_COLUMNS',
        params: { columns: 'sku' },
      },
      {
        message: 'Header: missing required columns: category_slug, list_price',
        code: 'MISSING_COLUMNS',
        params: { columns: 'category_slug, list_price' },
      },
    ]);
    const [broken] = fatal(`${HEADER}\na,"b`);
    expect(broken?.message).toMatch(/^The file is not valid CSV: /);
    expect(broken).toMatchObject({ code: 'NOT_CSV', params: { detail: expect.any(String) } });
    expect(fatal(`${HEADER}\n${'a,A,c,S,1\n'.repeat(MAX_ROWS + 1)}`)).toEqual([
      {
        message: expect.stringMatching(/more than 100000/),
        code: 'TOO_MANY_ROWS',
        params: { max: MAX_ROWS },
      },
    ]);
  });

  it('numbers rows from firstRow, for a part of a larger file, in messages too', () => {
    const parsed = parseCatalogCsv(
      [HEADER, 'a,A,cat,A-1,1', 'a,B,,A-2,1', 'b,B,cat,a-1,x'].join('\n'),
      4001,
    );
    expect(parsed.errors).toEqual([
      {
        row: 4002,
        column: 'product_name',
        message: "product_name differs from row 4001, the product's first row",
        code: 'DIFFERS_FROM_FIRST_ROW',
        params: { row: 4001 },
      },
      {
        row: 4003,
        column: 'list_price',
        message: 'list_price must be a price such as 12.50',
        code: 'PRICE',
        params: {},
      },
      {
        row: 4003,
        column: 'sku',
        message: 'sku repeats the SKU of row 4001',
        code: 'REPEATS_ROW',
        params: { row: 4001 },
      },
    ]);
  });

  it('accepts a byte order mark and skips blank lines', () => {
    const parsed = parseCatalogCsv(`\uFEFF${HEADER}\n\na,A,cat,A-1,1\n\n`);
    expect(parsed.errors).toEqual([]);
    expect(parsed.variants).toHaveLength(1);
  });
});

describe('reportedErrors', () => {
  it('sorts by row and caps the list, saying how many were left out', () => {
    const errors = Array.from({ length: 1500 }, (_, i) => ({
      row: 1500 - i,
      column: null,
      message: 'bad',
      code: InputProblemCode.INVALID,
      params: {},
    }));
    const reported = reportedErrors(errors);
    expect(reported).toHaveLength(MAX_REPORTED_ERRORS);
    expect(reported[0]?.row).toBe(1);
    expect(reported.at(-1)).toEqual({
      row: 1000,
      column: null,
      message: '501 more errors from row 1000 on',
      code: 'MORE_ERRORS',
      params: { count: 501, row: 1000 },
    });
  });
});
