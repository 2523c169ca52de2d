import type {
  MeQuery,
  SellerCatalogImportReportFragment,
  SellerCatalogProductDetailFragment,
  SellerCatalogProductRowFragment,
  SellerCatalogStockMovementFragment,
  SellerCatalogVariantFragment,
} from '@marketgate/graphql-client';
import type { FakeGatewayHandler } from '@marketgate/graphql-client/testing';
import type { DOMWrapper, VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buyer, categoriesData, renderApp } from '../test-utils';

let current: VueWrapper | undefined;

afterEach(() => {
  current?.unmount();
  current = undefined;
  vi.unstubAllGlobals();
  localStorage.clear();
});

const cny = (amount: number) => ({ amount, currency: 'CNY' });

const sellerStaff: NonNullable<MeQuery['me']> = {
  ...buyer,
  id: 'u3',
  email: 'sales@office-hub.example',
  name: 'Office Hub Sales',
  seller: { id: 's1', name: 'Office Hub' },
  memberships: [],
};

const row: SellerCatalogProductRowFragment = {
  id: 'p1',
  name: 'Copy Paper',
  slug: 'copy-paper',
  status: 'DRAFT',
  inStock: false,
  updatedAt: '2026-11-28T08:00:00Z',
  priceFrom: cny(3000),
  category: { id: '2', name: 'Paper' },
  variants: [{ id: 'v1' }],
};

const variant: SellerCatalogVariantFragment = {
  id: 'v1',
  sku: 'PAP-A4',
  name: 'Copy Paper, A4',
  options: [{ name: 'Format', value: 'A4' }],
  listPrice: cny(3000),
  minOrderQuantity: 1,
  orderIncrement: 1,
  tiers: [{ id: 't1', minQuantity: 10, unitPrice: cny(2700) }],
  stock: { onHand: 12, reserved: 4, available: 8 },
};

const product: SellerCatalogProductDetailFragment = {
  id: 'p1',
  name: 'Copy Paper',
  slug: 'copy-paper',
  description: 'A4, 80 g/m².',
  status: 'DRAFT',
  attributes: [],
  imageUrls: [],
  updatedAt: '2026-11-28T08:00:00Z',
  category: { id: '2', name: 'Paper' },
  variants: [variant],
};

async function render(path: string, handlers: Record<string, FakeGatewayHandler>) {
  localStorage.setItem('marketgate.portal.token', 'token-1');
  const rendered = await renderApp(path, {
    Me: () => ({ me: sellerStaff }),
    Categories: () => categoriesData,
    ...handlers,
  });
  current = rendered.wrapper;
  return rendered;
}

/** Where a test looks for controls: the whole app or one part of it. */
type Within = Pick<DOMWrapper<Element>, 'findAll' | 'get'>;

/** The form control labelled `label` (its visible text, exactly). */
function field(root: Within, label: string) {
  const found = root.findAll('label').find((l) => l.text() === label);
  if (!found) throw new Error(`no field "${label}"`);
  return root.get<HTMLInputElement>(`[id="${found.attributes('for')}"]`);
}

function button(root: Within, name: string) {
  const found = root.findAll('button').find((b) => b.text() === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

function sent(
  gateway: { requests: { operationName: string; variables: Record<string, unknown> }[] },
  name: string,
) {
  return gateway.requests.filter((r) => r.operationName === name);
}

describe('seller catalog: products', () => {
  it("lists the shop's whole catalog and filters and sorts it on the gateway", async () => {
    const { wrapper, gateway, router } = await render('/seller/catalog', {
      SellerCatalogProducts: () => ({
        products: {
          edges: [{ cursor: 'c1', node: row }],
          pageInfo: { hasNextPage: false, endCursor: 'c1' },
          totalCount: 1,
        },
      }),
    });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="catalog-product-row"]').exists()).toBe(true),
    );
    expect(sent(gateway, 'SellerCatalogProducts')[0]?.variables).toEqual({
      filter: { sellerId: 's1', statuses: ['DRAFT', 'ACTIVE', 'ARCHIVED'], search: null },
      sort: 'NEWEST',
      first: 20,
      after: null,
    });
    const text = wrapper.get('[data-testid="catalog-product-row"]').text();
    expect(text).toContain('Copy Paper');
    expect(text).toContain('Draft');
    expect(text).toContain('CN¥30.00');
    expect(wrapper.get('[data-testid="catalog-count"]').text()).toBe('1 product');

    await field(wrapper, 'Status').setValue('ARCHIVED');
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({ status: 'ARCHIVED' }));
    await field(wrapper, 'Name, description or SKU').setValue('paper');
    await wrapper.get('form[role="search"]').trigger('submit');
    await vi.waitFor(() =>
      expect(sent(gateway, 'SellerCatalogProducts').at(-1)?.variables).toMatchObject({
        filter: { sellerId: 's1', statuses: ['ARCHIVED'], search: 'paper' },
        sort: 'RELEVANCE',
      }),
    );
    await field(wrapper, 'Sort').setValue('PRICE_DESC');
    await vi.waitFor(() =>
      expect(sent(gateway, 'SellerCatalogProducts').at(-1)?.variables.sort).toBe('PRICE_DESC'),
    );
  });

  it('creates a draft and opens it, showing a taken slug next to its field', async () => {
    const { wrapper, gateway, router } = await render('/seller/catalog', {
      SellerCatalogProducts: () => ({
        products: { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 },
      }),
      SellerCatalogCreateProduct: (variables) =>
        (variables.input as { slug: string | null }).slug === 'copy-paper'
          ? {
              createProduct: {
                __typename: 'AlreadyExistsError',
                errorCode: 'ALREADY_EXISTS',
                message: 'A product with this slug exists',
                field: 'slug',
              },
            }
          : { createProduct: { __typename: 'Product', ...product, id: 'p9' } },
      SellerCatalogProduct: () => ({ product: { ...product, id: 'p9' } }),
    });
    await vi.waitFor(() => expect(wrapper.text()).toContain('Your shop has no products yet'));
    await wrapper.get('[data-testid="product-new"]').trigger('click');
    const form = wrapper.get('[data-testid="product-create"]');
    expect(document.activeElement).toBe(field(form, 'Name').element);

    await button(form, 'Create draft').trigger('click');
    await form.trigger('submit');
    expect(form.text()).toContain('Required');
    expect(sent(gateway, 'SellerCatalogCreateProduct')).toHaveLength(0);

    await field(form, 'Name').setValue('Copy Paper');
    await vi.waitFor(() => expect(form.findAll('option').length).toBeGreaterThan(1));
    await field(form, 'Category').setValue('2');
    await field(form, 'Web address name (optional)').setValue('Copy Paper');
    expect(form.text()).toContain('Lower-case letters and digits joined by dashes');
    await field(form, 'Web address name (optional)').setValue('copy-paper');
    await form.trigger('submit');
    await vi.waitFor(() =>
      expect(form.text()).toContain('Another product already uses this web address name.'),
    );
    expect(sent(gateway, 'SellerCatalogCreateProduct')[0]?.variables.input).toEqual({
      name: 'Copy Paper',
      categoryId: '2',
      slug: 'copy-paper',
    });

    await field(form, 'Web address name (optional)').setValue('');
    await form.trigger('submit');
    // The editor is loaded on demand: opening it may take longer than a fake gateway's answer.
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/seller/catalog/p9'), {
      timeout: 5000,
    });
    expect(sent(gateway, 'SellerCatalogCreateProduct')[1]?.variables.input).toMatchObject({
      slug: null,
    });
  });
});

describe('seller catalog: variant and tier editor', () => {
  it('sends a new variant with its tiers in minor units, after checking them as typed', async () => {
    const saved: SellerCatalogVariantFragment = {
      ...variant,
      id: 'v2',
      sku: 'PAP-A3',
      name: 'Copy Paper, A3',
      options: [{ name: 'Format', value: 'A3' }],
      listPrice: cny(4550),
      minOrderQuantity: 5,
      orderIncrement: 5,
      tiers: [
        { id: 't2', minQuantity: 50, unitPrice: cny(4200) },
        { id: 't3', minQuantity: 200, unitPrice: cny(3990) },
      ],
      stock: { onHand: 0, reserved: 0, available: 0 },
    };
    const { wrapper, gateway } = await render('/seller/catalog/p1', {
      SellerCatalogProduct: () => ({ product }),
      SellerCatalogUpsertVariant: () => ({ upsertVariant: { __typename: 'Variant', ...saved } }),
    });
    await vi.waitFor(() => expect(wrapper.find('[data-testid="variant-row"]').exists()).toBe(true));
    await wrapper.get('[data-testid="variant-add"]').trigger('click');
    const editor = wrapper.get('[data-testid="variant-editor"]');
    expect(document.activeElement).toBe(field(editor, 'SKU').element);
    expect(field(editor, 'Currency').element.value).toBe('CNY');

    await field(editor, 'SKU').setValue('PAP A3');
    expect(editor.text()).toContain('1 to 64 letters, digits, dots, dashes or underscores');
    await field(editor, 'SKU').setValue('pap-a4');
    expect(editor.text()).toContain('This product already has a variant with this SKU');
    await field(editor, 'SKU').setValue('PAP-A3');
    await field(editor, 'Variant name').setValue('Copy Paper, A3');
    await field(editor, 'List price (CNY)').setValue('45.5');
    await field(editor, 'Minimum order').setValue('5');
    await field(editor, 'Order in steps of').setValue('5');
    await button(editor, 'Add option').trigger('click');
    await field(editor, 'Option 1').setValue('Format');
    await field(editor, 'Value 1').setValue('A3');

    await button(editor, 'Add volume price').trigger('click');
    expect(document.activeElement).toBe(field(editor, 'Tier 1: from quantity').element);
    await field(editor, 'Tier 1: from quantity').setValue('50');
    await field(editor, 'Tier 1: unit price (CNY)').setValue('42.001');
    expect(editor.text()).toContain('Enter an amount such as 12.50');
    await field(editor, 'Tier 1: unit price (CNY)').setValue('42');
    await button(editor, 'Add volume price').trigger('click');
    await field(editor, 'Tier 2: from quantity').setValue('50');
    await field(editor, 'Tier 2: unit price (CNY)').setValue('39.90');
    expect(editor.text()).toContain('Tier 1 already starts at this quantity');
    await editor.trigger('submit');
    expect(sent(gateway, 'SellerCatalogUpsertVariant')).toHaveLength(0);
    expect(document.activeElement).toBe(field(editor, 'Tier 2: from quantity').element);

    await field(editor, 'Tier 2: from quantity').setValue('200');
    await editor.trigger('submit');
    await vi.waitFor(() => expect(sent(gateway, 'SellerCatalogUpsertVariant')).toHaveLength(1));
    expect(sent(gateway, 'SellerCatalogUpsertVariant')[0]?.variables.input).toEqual({
      productId: 'p1',
      sku: 'PAP-A3',
      name: 'Copy Paper, A3',
      options: [{ name: 'Format', value: 'A3' }],
      currency: 'CNY',
      listPrice: 4550,
      minOrderQuantity: 5,
      orderIncrement: 5,
      tiers: [
        { minQuantity: 50, unitPrice: 4200 },
        { minQuantity: 200, unitPrice: 3990 },
      ],
    });
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="variant-row"]')).toHaveLength(2));
    expect(wrapper.find('[data-testid="variant-editor"]').exists()).toBe(false);
    const added = wrapper.findAll('[data-testid="variant-row"]')[1]?.text();
    expect(added).toContain('PAP-A3');
    expect(added).toContain('CN¥45.50');
    expect(added).toContain('from 50: CN¥42.00 · from 200: CN¥39.90');
    expect(wrapper.text()).toContain('Variant PAP-A3 saved.');
    expect(document.activeElement?.getAttribute('data-edit')).toBe('v2');
  });

  it('shows a variant in major units and the gateway’s typed errors next to their fields', async () => {
    const { wrapper, gateway } = await render('/seller/catalog/p1', {
      SellerCatalogProduct: () => ({ product: { ...product, variants: [] } }),
      SellerCatalogUpsertVariant: () => ({
        upsertVariant: {
          __typename: 'AlreadyExistsError',
          errorCode: 'ALREADY_EXISTS',
          message: 'This SKU belongs to another product',
          field: 'sku',
        },
      }),
    });
    await vi.waitFor(() => expect(wrapper.find('[data-testid="no-variants"]').exists()).toBe(true));
    await wrapper.get('[data-testid="variant-add"]').trigger('click');
    const editor = wrapper.get('[data-testid="variant-editor"]');
    await field(editor, 'SKU').setValue('PAP-A4');
    await field(editor, 'Variant name').setValue('A4');
    await field(editor, 'List price (CNY)').setValue('30');
    await editor.trigger('submit');
    await vi.waitFor(() =>
      expect(editor.text()).toContain('This SKU already belongs to another product.'),
    );
    const sku = field(editor, 'SKU');
    expect(sku.attributes('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(sku.element);
    expect(sent(gateway, 'SellerCatalogUpsertVariant')[0]?.variables.input).toMatchObject({
      sku: 'PAP-A4',
      listPrice: 3000,
      tiers: [],
    });
    await sku.setValue('PAP-A4-2');
    expect(editor.text()).not.toContain('This SKU already belongs to another product.');
  });

  it('opens an existing variant with its prices in major units and its SKU fixed', async () => {
    const { wrapper } = await render('/seller/catalog/p1', {
      SellerCatalogProduct: () => ({ product }),
    });
    await vi.waitFor(() => expect(wrapper.find('[data-testid="variant-row"]').exists()).toBe(true));
    await wrapper.get('button[aria-label="Edit variant PAP-A4"]').trigger('click');
    const editor = wrapper.get('[data-testid="variant-editor"]');
    expect(editor.get('[data-testid="variant-sku"]').text()).toBe('PAP-A4');
    expect(field(editor, 'List price (CNY)').element.value).toBe('30.00');
    expect(field(editor, 'Tier 1: from quantity').element.value).toBe('10');
    expect(field(editor, 'Tier 1: unit price (CNY)').element.value).toBe('27.00');
    await editor.trigger('keydown', { key: 'Escape' });
    expect(wrapper.find('[data-testid="variant-editor"]').exists()).toBe(false);
    expect(document.activeElement?.getAttribute('data-edit')).toBe('v1');
  });
});

describe('seller catalog: stock', () => {
  it('records a change with its reason, explains a refused one and shows the history', async () => {
    let movements: SellerCatalogStockMovementFragment[] = [];
    const { wrapper, gateway } = await render('/seller/catalog/p1', {
      SellerCatalogProduct: () => ({ product }),
      SellerCatalogStockMovements: () => ({
        product: { id: 'p1', variants: [{ id: 'v1', stockMovements: movements }] },
      }),
      SellerCatalogAdjustStock: (variables) => {
        const input = variables.input as { delta: number; note: string };
        if (input.delta < -8) {
          return {
            adjustStock: {
              __typename: 'InsufficientStockError',
              errorCode: 'INSUFFICIENT_STOCK',
              message: 'Only 8 units are not reserved',
              available: 8,
            },
          };
        }
        movements = [
          {
            id: 'm1',
            createdAt: '2026-11-28T09:00:00Z',
            delta: input.delta,
            onHandAfter: 12 + input.delta,
            reason: 'RECEIVED',
            note: input.note,
          },
        ];
        return {
          adjustStock: {
            __typename: 'Variant',
            ...variant,
            stock: { onHand: 36, reserved: 4, available: 32 },
          },
        };
      },
    });
    await vi.waitFor(() => expect(wrapper.find('[data-testid="variant-row"]').exists()).toBe(true));
    await wrapper.get('button[aria-label="Stock of PAP-A4"]').trigger('click');
    const panel = wrapper.get('[data-testid="stock-panel"]');
    await vi.waitFor(() => expect(panel.text()).toContain('No stock movements yet.'));
    expect(panel.get('[data-testid="stock-on-hand"]').text()).toBe('12');

    await field(panel, 'Change in units').setValue('0');
    expect(panel.text()).toContain('A whole number of units other than 0');
    await field(panel, 'Change in units').setValue('-9');
    await field(panel, 'Reason').setValue('DAMAGED');
    await panel.get('form').trigger('submit');
    await vi.waitFor(() =>
      expect(panel.text()).toContain(
        'Only 8 units are not reserved for orders, so at most 8 can be removed.',
      ),
    );
    expect(sent(gateway, 'SellerCatalogAdjustStock')[0]?.variables.input).toEqual({
      variantId: 'v1',
      delta: -9,
      reason: 'DAMAGED',
      note: '',
    });

    await field(panel, 'Change in units').setValue('24');
    await field(panel, 'Reason').setValue('RECEIVED');
    await field(panel, 'Note (optional)').setValue(' pallet 7 ');
    await panel.get('form').trigger('submit');
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="stock-movement"]').exists()).toBe(true),
    );
    expect(sent(gateway, 'SellerCatalogAdjustStock')[1]?.variables.input).toEqual({
      variantId: 'v1',
      delta: 24,
      reason: 'RECEIVED',
      note: 'pallet 7',
    });
    expect(wrapper.get('[data-testid="stock-on-hand"]').text()).toBe('36');
    const movement = wrapper.get('[data-testid="stock-movement"]').text();
    expect(movement).toContain('+24');
    expect(movement).toContain('Goods received');
    expect(movement).toContain('pallet 7');
    expect(wrapper.text()).toContain('Stock of PAP-A4 recorded: 36 on hand.');
  });

  it('publishes a product and shows a refusal from the gateway', async () => {
    let status: SellerCatalogProductDetailFragment['status'] = 'DRAFT';
    const { wrapper } = await render('/seller/catalog/p1', {
      SellerCatalogProduct: () => ({ product: { ...product, status } }),
      SellerCatalogPublishProduct: () => ({
        publishProduct: {
          __typename: 'InvalidStateError',
          errorCode: 'INVALID_STATE',
          message: 'A product needs at least one variant before it is published',
        },
      }),
      SellerCatalogArchiveProduct: () => {
        status = 'ARCHIVED';
        return { archiveProduct: { __typename: 'Product', ...product, status } };
      },
    });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="product-publish"]').exists()).toBe(true),
    );
    await wrapper.get('[data-testid="product-publish"]').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="product-status-error"]').text()).toBe(
        'The gateway refused it: A product needs at least one variant before it is published',
      ),
    );
    await wrapper.get('[data-testid="product-archive"]').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="product-status"]').text()).toBe('Archived'),
    );
    expect(wrapper.find('[data-testid="product-archive"]').exists()).toBe(false);
    expect(wrapper.text()).toContain('Archived: the product is hidden from buyers.');
  });
});

describe('seller catalog: CSV import', () => {
  const report = (
    fields: Partial<SellerCatalogImportReportFragment>,
  ): SellerCatalogImportReportFragment => ({
    committed: false,
    totalRows: 2,
    validRows: 2,
    productsCreated: 1,
    productsUpdated: 0,
    variantsCreated: 2,
    variantsUpdated: 0,
    errors: [],
    ...fields,
  });

  async function chooseFile(wrapper: VueWrapper, text: string): Promise<void> {
    const input = wrapper.get<HTMLInputElement>('[data-testid="catalog-import-file"]');
    const file = new File([text], 'catalog.csv', { type: 'text/csv' });
    Object.defineProperty(input.element, 'files', { value: [file], configurable: true });
    await input.trigger('change');
  }

  it('shows the problems by row, never commits that file, and commits a clean one', async () => {
    const bad =
      'product_slug,product_name,category_slug,sku,list_price\nmug,Mug,cookware,M-1,2.001';
    const good = 'product_slug,product_name,category_slug,sku,list_price\nmug,Mug,cookware,M-1,2';
    const { wrapper, gateway } = await render('/seller/catalog/import', {
      SellerCatalogImportCsv: (variables) => {
        const input = variables.input as { csv: string; dryRun: boolean };
        if (input.csv.includes('2.001')) {
          return {
            importCatalogCsv: {
              __typename: 'CsvImportReport',
              ...report({
                totalRows: 1,
                validRows: 0,
                productsCreated: 0,
                variantsCreated: 0,
                errors: [
                  {
                    row: 1,
                    column: 'list_price',
                    message: 'list_price must have at most 2 decimals for CNY',
                    code: 'DECIMALS',
                    params: [
                      { name: 'max', value: '2' },
                      { name: 'currency', value: 'CNY' },
                    ],
                  },
                ],
              }),
            },
          };
        }
        return {
          importCatalogCsv: {
            __typename: 'CsvImportReport',
            ...report({ totalRows: 1, validRows: 1, variantsCreated: 1, committed: !input.dryRun }),
          },
        };
      },
    });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="catalog-import-file"]').exists()).toBe(true),
    );

    await chooseFile(wrapper, bad);
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="catalog-import-error-row"]').exists()).toBe(true),
    );
    const imports = () => sent(gateway, 'SellerCatalogImportCsv');
    expect(imports()[0]?.variables.input).toEqual({
      csv: bad.replace('\n', '\r\n'),
      firstRow: 1,
      mode: 'ALL_OR_NOTHING',
      dryRun: true,
    });
    const errorRow = wrapper.get('[data-testid="catalog-import-error-row"]');
    expect(errorRow.findAll('th, td').map((cell) => cell.text())).toEqual([
      '1',
      'list_price',
      'At most 2 decimals for CNY',
    ]);
    expect(wrapper.get('[data-testid="catalog-import-problems"]').text()).toBe(
      '1 problem found. Nothing has been imported.',
    );
    expect(wrapper.find('[data-testid="catalog-import-commit"]').exists()).toBe(false);
    expect(document.activeElement).toBe(
      wrapper.get('[data-testid="catalog-import-report"]').element,
    );

    await chooseFile(wrapper, good);
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="catalog-import-commit"]').exists()).toBe(true),
    );
    expect(wrapper.find('[data-testid="catalog-import-error-row"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="catalog-import-clean"]').text()).toContain(
      'create 1 and update 0 products, create 1 and update 0 variants',
    );
    expect(imports().map((r) => (r.variables.input as { dryRun: boolean }).dryRun)).toEqual([
      true,
      true,
    ]);

    await wrapper.get('[data-testid="catalog-import-commit"]').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="catalog-import-done"]').exists()).toBe(true),
    );
    // The commit sends the file as it is, whole, and the gateway checks it again.
    expect(imports()[2]?.variables.input).toEqual({
      csv: good,
      mode: 'ALL_OR_NOTHING',
      dryRun: false,
    });
    expect(wrapper.get('[data-testid="catalog-import-done"]').text()).toBe(
      'Imported: 1 products created, 0 updated; 1 variants created, 0 updated.',
    );
  });
  it('says row problems in the reader’s language, and the gateway’s words for a new code', async () => {
    const csv = 'product_slug,product_name,category_slug,sku,list_price\nmug,,cookware,M-1,2';
    const { wrapper } = await render('/seller/catalog/import', {
      SellerCatalogImportCsv: () => ({
        importCatalogCsv: {
          __typename: 'CsvImportReport',
          ...report({
            totalRows: 2,
            validRows: 0,
            errors: [
              {
                row: 1,
                column: 'product_name',
                message: 'product_name is required',
                code: 'REQUIRED',
                params: [],
              },
              {
                row: 2,
                column: 'sku',
                message: 'sku repeats the SKU of row 1',
                code: 'REPEATS_ROW',
                params: [{ name: 'row', value: '1' }],
              },
              {
                row: 2,
                column: 'tiers',
                message: 'tiers is odd',
                code: 'SOMETHING_NEWER' as SellerCatalogImportReportFragment['errors'][number]['code'],
                params: [],
              },
            ],
          }),
        },
      }),
    });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="catalog-import-file"]').exists()).toBe(true),
    );
    await wrapper.get('button[lang="zh-CN"]').trigger('click');
    await chooseFile(wrapper, csv);
    await vi.waitFor(() =>
      expect(wrapper.findAll('[data-testid="catalog-import-error-row"]')).toHaveLength(3),
    );
    const messages = () =>
      wrapper
        .findAll('[data-testid="catalog-import-error-row"]')
        .map((tr) => tr.findAll('td').at(-1)?.text());
    expect(messages()).toEqual(['必填', '与第 1 行重复', 'tiers is odd']);
    await wrapper.get('button[lang="en"]').trigger('click');
    expect(messages()).toEqual(['Required', 'Repeats row 1', 'tiers is odd']);
  });

  it('checks a large file in parts, showing rows checked of all, and goes on after a failure', async () => {
    const header = 'product_slug,product_name,category_slug,sku,list_price';
    const rows = Array.from({ length: 2500 }, (_, i) => `p-${i},P ${i},cat,S-${i},1`);
    const answers: ((value: unknown) => void)[] = [];
    const { wrapper, gateway } = await render('/seller/catalog/import', {
      SellerCatalogImportCsv: () => new Promise((resolve) => answers.push(resolve)),
    });
    const part = (firstRow: number, count: number, errors: number[] = []) => ({
      importCatalogCsv: {
        __typename: 'CsvImportReport',
        ...report({
          totalRows: count,
          validRows: count - errors.length,
          productsCreated: errors.length ? 0 : count,
          variantsCreated: errors.length ? 0 : count,
          errors: errors.map((row) => ({
            row,
            column: 'sku',
            message: `sku bad on ${row}`,
            code: 'SKU' as const,
            params: [],
          })),
        }),
      },
    });
    const bar = () => wrapper.get('[data-testid="catalog-import-progress"]');
    const answered = async (count: number) => {
      await vi.waitFor(() => expect(answers).toHaveLength(count));
    };
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="catalog-import-file"]').exists()).toBe(true),
    );

    await chooseFile(wrapper, [header, ...rows].join('\n'));
    await answered(1);
    expect(bar().text()).toContain('Checking catalog.csv: 0 of 2500 rows');
    expect(bar().get('progress').attributes()).toMatchObject({ value: '0', max: '2500' });
    answers[0]!(part(1, 1000));
    await answered(2);
    expect(bar().text()).toContain('Checking catalog.csv: 1000 of 2500 rows');
    expect(bar().get('progress').attributes()).toMatchObject({ value: '1000', max: '2500' });
    const inputs = sent(gateway, 'SellerCatalogImportCsv').map(
      (r) => r.variables.input as { csv: string; firstRow: number },
    );
    expect(inputs.map((input) => input.firstRow)).toEqual([1, 1001]);
    expect(inputs[1]!.csv.split('\r\n')).toHaveLength(1001);
    expect(inputs[1]!.csv.split('\r\n')[1]).toBe('p-1000,P 1000,cat,S-1000,1');

    answers[1]!(null);
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="catalog-import-failure"]').exists()).toBe(true),
    );
    await wrapper.get('[data-testid="catalog-import-failure"] button').trigger('click');
    await answered(3);
    expect(sent(gateway, 'SellerCatalogImportCsv')[2]?.variables.input).toMatchObject({
      firstRow: 1001,
    });
    answers[2]!(part(1001, 1000, [1500]));
    await answered(4);
    answers[3]!(part(2001, 500, [2001, 2500]));

    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="catalog-import-problems"]').exists()).toBe(true),
    );
    expect(
      wrapper
        .findAll('[data-testid="catalog-import-error-row"]')
        .map((r) => r.attributes('data-row')),
    ).toEqual(['1500', '2001', '2500']);
    expect(wrapper.get('[data-testid="catalog-import-total"]').text()).toBe('2500');
    expect(wrapper.get('[data-testid="catalog-import-valid"]').text()).toBe('2497');
    expect(wrapper.get('[data-testid="catalog-import-problems"]').text()).toBe(
      '3 problems found. Nothing has been imported.',
    );
    expect(wrapper.find('[data-testid="catalog-import-commit"]').exists()).toBe(false);
  });

  it('stops at a problem with the whole file: the other parts would only repeat it', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `p-${i},S-${i}`);
    const { wrapper, gateway } = await render('/seller/catalog/import', {
      SellerCatalogImportCsv: () => ({
        importCatalogCsv: {
          __typename: 'CsvImportReport',
          ...report({
            totalRows: 1000,
            validRows: 0,
            productsCreated: 0,
            variantsCreated: 0,
            errors: [
              {
                row: 0,
                column: null,
                message: 'Header: missing required columns: sku',
                code: 'MISSING_COLUMNS',
                params: [{ name: 'columns', value: 'sku' }],
              },
            ],
          }),
        },
      }),
    });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="catalog-import-file"]').exists()).toBe(true),
    );
    await chooseFile(wrapper, ['product_slug,skew', ...rows].join('\n'));
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="catalog-import-problems"]').exists()).toBe(true),
    );
    expect(sent(gateway, 'SellerCatalogImportCsv')).toHaveLength(1);
    expect(wrapper.get('[data-testid="catalog-import-total"]').text()).toBe('1500');
    expect(wrapper.get('[data-testid="catalog-import-error-row"] th').text()).toBe('File');
  });

  it('lets the gateway read a file that is not well-formed CSV whole', async () => {
    const broken = 'product_slug,sku\n"tea,T-1\n';
    const { wrapper, gateway } = await render('/seller/catalog/import', {
      SellerCatalogImportCsv: () => ({
        importCatalogCsv: {
          __typename: 'CsvImportReport',
          ...report({
            totalRows: 0,
            validRows: 0,
            errors: [
              {
                row: 0,
                column: null,
                message: 'The file is not valid CSV: Quote Not Closed',
                code: 'NOT_CSV',
                params: [{ name: 'reason', value: 'Quote Not Closed' }],
              },
            ],
          }),
        },
      }),
    });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="catalog-import-file"]').exists()).toBe(true),
    );
    await chooseFile(wrapper, broken);
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="catalog-import-error-row"]').exists()).toBe(true),
    );
    expect(sent(gateway, 'SellerCatalogImportCsv')[0]?.variables.input).toEqual({
      csv: broken,
      firstRow: 1,
      mode: 'ALL_OR_NOTHING',
      dryRun: true,
    });
  });

  it('shows an indeterminate bar while the whole file is written in one request', async () => {
    let answer: (value: unknown) => void = () => {};
    const { wrapper } = await render('/seller/catalog/import', {
      SellerCatalogImportCsv: (variables) =>
        (variables.input as { dryRun: boolean }).dryRun
          ? { importCatalogCsv: { __typename: 'CsvImportReport', ...report({}) } }
          : new Promise((resolve) => {
              answer = resolve;
            }),
    });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="catalog-import-file"]').exists()).toBe(true),
    );
    await chooseFile(wrapper, 'product_slug,sku\nx,X-1\nx,X-2');
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="catalog-import-commit"]').exists()).toBe(true),
    );
    await wrapper.get('[data-testid="catalog-import-commit"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.text()).toContain('Importing 2 rows…'));
    expect(
      wrapper.get('[data-testid="catalog-import-progress"] progress').attributes('value'),
    ).toBe(undefined);
    expect(
      wrapper.get<HTMLInputElement>('[data-testid="catalog-import-file"]').element.disabled,
    ).toBe(true);
    answer({ importCatalogCsv: null });
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="catalog-import-failure"]').text()).toContain(
        'Nothing was imported.',
      ),
    );
    expect(wrapper.find('[data-testid="catalog-import-progress"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="catalog-import-commit"]').exists()).toBe(true);
  });
});
