import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProduct } from '../src/db/seed/catalog-generator.js';
import { errorCode, startGateway, type TestGateway } from './harness.js';

let gw: TestGateway;
let hubToken: string;
let dairyToken: string;
let sellerIds: Record<string, string>;

beforeAll(async () => {
  gw = await startGateway();
  [hubToken, dairyToken] = await Promise.all([
    gw.login('sales@office-hub.example'),
    gw.login('sales@north-dairy.example'),
  ]);
  const sellers = await gw.gql<{ sellers: { id: string; slug: string }[] }>(
    '{ sellers { id slug } }',
  );
  sellerIds = Object.fromEntries(sellers.data.sellers.map((s) => [s.slug, s.id]));
});
afterAll(() => gw?.stop());

const IMPORT = `mutation ($input: ImportCatalogCsvInput!) {
  importCatalogCsv(input: $input) {
    __typename
    ... on CsvImportReport {
      committed totalRows validRows productsCreated productsUpdated variantsCreated variantsUpdated
      errors { row column message code params { name value } }
    }
    ... on ErrorResult { errorCode message }
  }
}`;

interface Report {
  __typename: string;
  committed: boolean;
  totalRows: number;
  validRows: number;
  productsCreated: number;
  productsUpdated: number;
  variantsCreated: number;
  variantsUpdated: number;
  errors: {
    row: number;
    column: string | null;
    message: string;
    code: string;
    params: { name: string; value: string }[];
  }[];
}

async function importCsv(
  csv: string,
  token: string,
  mode = 'ALL_OR_NOTHING',
  sellerId?: string,
): Promise<Report> {
  const res = await gw.gql<{ importCatalogCsv: Report }>(
    IMPORT,
    { input: { csv, mode, sellerId } },
    token,
  );
  expect(res.errors).toBeUndefined();
  return res.data.importCatalogCsv;
}

const PRODUCT = `query ($slug: String!) {
  product(slug: $slug) {
    name status inStock priceFrom { amount currency }
    attributes { name value } imageUrls category { slug }
    variants {
      sku name options { name value } listPrice { amount currency } minOrderQuantity
      tiers { minQuantity unitPrice { amount } }
      stock { onHand }
      stockMovements { delta onHandAfter reason }
    }
  }
}`;

const HEADER =
  'product_slug,product_name,description,category_slug,status,sku,variant_name,options,' +
  'list_price,currency,stock_on_hand,tiers,min_order_quantity,order_increment,image_urls,attributes';

/** Seller-scoped search over every status: what exists of the import in the catalog. */
async function countProducts(search: string, token: string, sellerId: string): Promise<number> {
  const res = await gw.gql<{ products: { totalCount: number } }>(
    'query ($filter: ProductFilter) { products(first: 1, filter: $filter) { totalCount } }',
    { filter: { search, sellerId, statuses: ['DRAFT', 'ACTIVE', 'ARCHIVED'] } },
    token,
  );
  expect(res.errors).toBeUndefined();
  return res.data.products.totalCount;
}

describe('importCatalogCsv', () => {
  it('creates products and variants, then updates them on a second import', async () => {
    const csv = [
      HEADER,
      'zephyr-notebook,Zephyr Notebook,Dotted pages,paper,ACTIVE,ZEP-NB-A5,"Zephyr, A5",Format=A5,12.50,CNY,40,10:11.50;50:11.00,1,1,https://img.example/zep.jpg,Brand=Zephyr;Origin=CN',
      'zephyr-notebook,,,,,ZEP-NB-A4,,Format=A4,15,CNY,0,,2,2,,',
      'zephyr-pen,Zephyr Pen,,writing,,ZEP-PEN-1,,,3.99,,100,,,,,',
    ].join('\n');
    const first = await importCsv(csv, hubToken);
    expect(first).toMatchObject({
      __typename: 'CsvImportReport',
      committed: true,
      totalRows: 3,
      validRows: 3,
      productsCreated: 2,
      productsUpdated: 0,
      variantsCreated: 3,
      variantsUpdated: 0,
      errors: [],
    });
    const nb = (await gw.gql<any>(PRODUCT, { slug: 'zephyr-notebook' }, hubToken)).data.product;
    expect(nb).toMatchObject({
      name: 'Zephyr Notebook',
      status: 'ACTIVE',
      inStock: true,
      priceFrom: { amount: 1250, currency: 'CNY' },
      attributes: [
        { name: 'Brand', value: 'Zephyr' },
        { name: 'Origin', value: 'CN' },
      ],
      imageUrls: ['https://img.example/zep.jpg'],
      category: { slug: 'paper' },
    });
    expect(nb.variants.map((v: { sku: string }) => v.sku)).toEqual(['ZEP-NB-A5', 'ZEP-NB-A4']);
    const [a5, a4] = nb.variants;
    expect(a5).toMatchObject({
      name: 'Zephyr, A5',
      options: [{ name: 'Format', value: 'A5' }],
      listPrice: { amount: 1250, currency: 'CNY' },
      tiers: [
        { minQuantity: 10, unitPrice: { amount: 1150 } },
        { minQuantity: 50, unitPrice: { amount: 1100 } },
      ],
      stock: { onHand: 40 },
      stockMovements: [{ delta: 40, onHandAfter: 40, reason: 'IMPORT' }],
    });
    expect(a4).toMatchObject({ name: 'Zephyr Notebook', minOrderQuantity: 2, stockMovements: [] });
    const pen = (await gw.gql<any>(PRODUCT, { slug: 'zephyr-pen' }, hubToken)).data.product;
    expect(pen).toMatchObject({ status: 'DRAFT', priceFrom: { amount: 399 } });

    // Without the tiers and image columns those stay; stock moves by the difference.
    const update = [
      'product_slug,product_name,category_slug,sku,list_price,stock_on_hand',
      'zephyr-notebook,Zephyr Notebook II,paper,ZEP-NB-A5,9.90,25',
      'zephyr-notebook,,,ZEP-NB-A6,8,5',
    ].join('\n');
    const second = await importCsv(update, hubToken);
    expect(second).toMatchObject({
      committed: true,
      productsCreated: 0,
      productsUpdated: 1,
      variantsCreated: 1,
      variantsUpdated: 1,
    });
    const after = (await gw.gql<any>(PRODUCT, { slug: 'zephyr-notebook' }, hubToken)).data.product;
    expect(after).toMatchObject({
      name: 'Zephyr Notebook II',
      priceFrom: { amount: 800 },
      imageUrls: ['https://img.example/zep.jpg'],
    });
    const updated = after.variants.find((v: { sku: string }) => v.sku === 'ZEP-NB-A5');
    expect(updated.tiers).toHaveLength(2);
    expect(updated.stockMovements[0]).toEqual({ delta: -15, onHandAfter: 25, reason: 'IMPORT' });
    expect(after.variants.map((v: { sku: string }) => v.sku)).toEqual([
      'ZEP-NB-A5',
      'ZEP-NB-A4',
      'ZEP-NB-A6',
    ]);
  });

  const mixed = [
    HEADER,
    'quokka-mug,Quokka Mug,,cookware,ACTIVE,QK-MUG-1,,,25.00,CNY,10,,,,,',
    'quokka-mug,,,,,QK-MUG-2,,,25.001,CNY,10,,,,,',
    'quokka-bowl,Quokka Bowl,,no-such-category,DRAFT,QK-BOWL-1,,,9,,1,,,,,',
    'quokka-plate,Quokka Plate,,cookware,SOLD,QK-PLATE-1,,,9,,-3,1:1,,,ftp://x,',
    'quokka-cup,Quokka Cup,,cookware,DRAFT,QK-MUG-1,,,9,,,,,,,',
    'quokka-jug,Quokka Jug,,cookware,DRAFT,QK-JUG-1,,,12,,3,,,,,',
  ].join('\n');

  it('writes nothing of a file with bad rows in ALL_OR_NOTHING mode', async () => {
    const report = await importCsv(mixed, hubToken, 'ALL_OR_NOTHING');
    expect(report).toMatchObject({ committed: false, totalRows: 6, validRows: 2 });
    expect(report.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'list_price'],
      [3, 'category_slug'],
      [4, 'status'],
      [4, 'image_urls'],
      [4, 'stock_on_hand'],
      [4, 'tiers'],
      [5, 'sku'],
    ]);
    expect(report.errors[0]?.message).toBe('list_price must have at most 2 decimals for CNY');
    expect(report.errors.map((e) => [e.code, e.params])).toEqual([
      [
        'DECIMALS',
        [
          { name: 'max', value: '2' },
          { name: 'currency', value: 'CNY' },
        ],
      ],
      ['NOT_FOUND', []],
      ['ONE_OF', [{ name: 'values', value: 'DRAFT, ACTIVE, ARCHIVED' }]],
      ['URL', [{ name: 'entry', value: 'ftp://x' }]],
      ['INTEGER', []],
      [
        'RANGE',
        [
          { name: 'min', value: '2' },
          { name: 'max', value: '1000000' },
          { name: 'entry', value: '1:1' },
        ],
      ],
      ['REPEATS_ROW', [{ name: 'row', value: '1' }]],
    ]);
    expect(await countProducts('quokka', hubToken, sellerIds['office-hub'] as string)).toBe(0);
  });

  it('writes the valid rows and skips the bad ones in VALID_ROWS mode', async () => {
    const report = await importCsv(mixed, hubToken, 'VALID_ROWS');
    expect(report).toMatchObject({
      committed: true,
      validRows: 2,
      productsCreated: 2,
      variantsCreated: 2,
    });
    expect(report.errors).toHaveLength(7);
    expect(await countProducts('quokka', hubToken, sellerIds['office-hub'] as string)).toBe(2);
    const mug = (await gw.gql<any>(PRODUCT, { slug: 'quokka-mug' }, hubToken)).data.product;
    expect(mug.variants.map((v: { sku: string }) => v.sku)).toEqual(['QK-MUG-1']);
  });

  it('checks a file in a dry run, writing nothing, before it is committed', async () => {
    const dryRun = async (csv: string) => {
      const res = await gw.gql<{ importCatalogCsv: Report }>(
        IMPORT,
        { input: { csv, mode: 'ALL_OR_NOTHING', dryRun: true } },
        hubToken,
      );
      expect(res.errors).toBeUndefined();
      return res.data.importCatalogCsv;
    };
    const bad = await dryRun(mixed);
    expect(bad).toMatchObject({ committed: false, totalRows: 6, validRows: 2 });
    expect(bad.errors.map((e) => [e.row, e.column])).toContainEqual([3, 'category_slug']);

    const clean = [
      'product_slug,product_name,category_slug,sku,list_price,stock_on_hand',
      'wombat-tray,Wombat Tray,cookware,WB-TRAY-1,19.90,5',
      'wombat-tray,,,WB-TRAY-2,21,0',
      'zephyr-pen,Zephyr Pen,writing,ZEP-PEN-1,4.20,100',
    ].join('\n');
    const checked = await dryRun(clean);
    expect(checked).toMatchObject({
      committed: false,
      totalRows: 3,
      validRows: 3,
      productsCreated: 1,
      productsUpdated: 1,
      variantsCreated: 2,
      variantsUpdated: 1,
      errors: [],
    });
    expect(await countProducts('wombat', hubToken, sellerIds['office-hub'] as string)).toBe(0);
    const pen = (await gw.gql<any>(PRODUCT, { slug: 'zephyr-pen' }, hubToken)).data.product;
    expect(pen.priceFrom).toEqual({ amount: 399, currency: 'CNY' });

    const committed = await importCsv(clean, hubToken);
    expect(committed).toMatchObject({ ...checked, committed: true });
    expect(await countProducts('wombat', hubToken, sellerIds['office-hub'] as string)).toBe(1);
  });

  it('numbers the rows of a part of a file from firstRow, database checks included', async () => {
    const check = (firstRow: number) =>
      gw.gql<{ importCatalogCsv: Report }>(
        IMPORT,
        { input: { csv: mixed, mode: 'ALL_OR_NOTHING', dryRun: true, firstRow } },
        hubToken,
      );
    const whole = (await check(1)).data.importCatalogCsv;
    const part = (await check(501)).data.importCatalogCsv;
    expect(whole.errors.map((e) => [e.row, e.column])).toContainEqual([3, 'category_slug']);
    expect(part.errors.map((e) => [e.row - 500, e.column])).toEqual(
      whole.errors.map((e) => [e.row, e.column]),
    );
    expect(part).toMatchObject({ totalRows: whole.totalRows, validRows: whole.validRows });
    expect(errorCode(await check(0))).toBe('BAD_USER_INPUT');
  });

  it("refuses another seller's slugs and SKUs, and imports for admins into the named seller", async () => {
    const csv = [
      'product_slug,product_name,category_slug,sku,list_price',
      'zephyr-pen,Taken Pen,writing,DAIRY-PEN-1,1',
      'dairy-own,Dairy Own,dairy,ZEP-PEN-1,1',
      'dairy-fine,Dairy Fine,dairy,DAIRY-FINE-1,1',
    ].join('\n');
    const report = await importCsv(csv, dairyToken, 'VALID_ROWS');
    expect(report.errors.map((e) => [e.row, e.column])).toEqual([
      [1, 'product_slug'],
      [2, 'sku'],
    ]);
    expect(report).toMatchObject({ committed: true, validRows: 1, productsCreated: 1 });

    const admin = await gw.login('admin@marketgate.example');
    const noSeller = await gw.gql(IMPORT, { input: { csv, mode: 'VALID_ROWS' } }, admin);
    expect(errorCode(noSeller)).toBe('BAD_USER_INPUT');
    const named = await importCsv(
      'product_slug,product_name,category_slug,sku,list_price\nadmin-made,Admin Made,dairy,ADM-1,2',
      admin,
      'ALL_OR_NOTHING',
      sellerIds['north-dairy'],
    );
    expect(named).toMatchObject({ committed: true, productsCreated: 1 });
  });

  it('keeps staff to their own seller and consumers out', async () => {
    const csv =
      'product_slug,product_name,category_slug,sku,list_price\nxenon-test,Xenon Test,dairy,XEN-1,1';
    const other = await gw.gql(
      IMPORT,
      { input: { csv, mode: 'VALID_ROWS', sellerId: sellerIds['north-dairy'] } },
      hubToken,
    );
    expect(errorCode(other)).toBe('FORBIDDEN');
    const consumer = await gw.login('alice@marketgate.example');
    const res = await gw.gql(IMPORT, { input: { csv, mode: 'VALID_ROWS' } }, consumer);
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(errorCode(await gw.gql(IMPORT, { input: { csv, mode: 'VALID_ROWS' } }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(await countProducts('xenon', hubToken, sellerIds['office-hub'] as string)).toBe(0);
  });

  it('answers whole-file problems as a report on row 0', async () => {
    for (const [csv, messages] of [
      ['', ['The file is empty']],
      [
        'sku,price,colour\nA,1,red',
        [
          'Header: unknown columns: "price", "colour"',
          'Header: missing required columns: product_slug, product_name, category_slug, list_price',
        ],
      ],
      ['product_slug,sku\na,"unclosed', ['The file is not valid CSV']],
    ] as const) {
      const report = await importCsv(csv, hubToken);
      expect(report.committed).toBe(false);
      expect(report.errors.map((e) => e.row)).toEqual(messages.map(() => 0));
      messages.forEach((message, i) => expect(report.errors[i]?.message).toContain(message));
    }
    const header = await importCsv('sku,price\nA,1', hubToken);
    expect(header.errors.map((e) => [e.code, e.params])).toEqual([
      ['UNKNOWN_COLUMNS', [{ name: 'columns', value: '"price"' }]],
      [
        'MISSING_COLUMNS',
        [{ name: 'columns', value: 'product_slug, product_name, category_slug, list_price' }],
      ],
    ]);
  });

  it('imports 20,000 rows in one request', { timeout: 180_000 }, async () => {
    const lines = [HEADER];
    for (let index = 100_000; lines.length <= 20_000; index++) {
      const p = generateProduct(index);
      for (const v of p.variants) {
        if (lines.length > 20_000) break;
        lines.push(
          [
            p.slug,
            p.name,
            `"${p.description}"`,
            p.categorySlug,
            'ACTIVE',
            v.sku,
            `"${v.name}"`,
            v.options.map((o) => `${o.name}=${o.value}`).join(';'),
            (v.listPrice / 100).toFixed(2),
            'CNY',
            v.stockOnHand,
            v.tiers.map((t) => `${t.minQuantity}:${(t.unitPrice / 100).toFixed(2)}`).join(';'),
            v.minOrderQuantity,
            v.orderIncrement,
            '',
            p.attributes.map((a) => `${a.name}=${a.value}`).join(';'),
          ].join(','),
        );
      }
    }
    const report = await importCsv(lines.join('\n'), hubToken);
    expect(report).toMatchObject({ committed: true, totalRows: 20_000, validRows: 20_000 });
    expect(report.variantsCreated).toBe(20_000);
    const first = generateProduct(100_000);
    const product = (await gw.gql<any>(PRODUCT, { slug: first.slug }, hubToken)).data.product;
    expect(product).toMatchObject({
      name: first.name,
      status: 'ACTIVE',
      priceFrom: { amount: Math.min(...first.variants.map((v) => v.listPrice)) },
    });
    expect(product.variants).toHaveLength(first.variants.length);
  });
});
