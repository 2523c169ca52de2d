import { fractionDigits } from '@marketgate/money';
import { isURL } from 'class-validator';
import { CsvError, parse } from 'csv-parse/sync';
import { In } from 'typeorm';
import type { Context, Viewer } from '../../api/context.js';
import { badInput, forbidden, NotFoundError } from '../../api/errors.js';
import {
  InputProblemCode as Code,
  paramList,
  type ProblemParams,
} from '../../api/input-problems.js';
import { parseId } from '../../common/batch.js';
import type { AuditService } from '../audit/audit.service.js';
import { Seller } from '../identity/seller.entity.js';
import type { CatalogService } from './catalog.service.js';
import { Category } from './category.entity.js';
import {
  CsvImportMode,
  CsvImportReport,
  CsvRowError,
  type ImportCatalogCsvInput,
} from './csv-import.types.js';
import { PriceTier } from './price-tier.entity.js';
import { Product, productStatuses, type NameValue, type ProductStatus } from './product.entity.js';
import { StockMovement } from './stock-movement.entity.js';
import { Variant } from './variant.entity.js';

export const csvColumns = [
  'product_slug',
  'product_name',
  'description',
  'category_slug',
  'status',
  'sku',
  'variant_name',
  'options',
  'list_price',
  'currency',
  'stock_on_hand',
  'tiers',
  'min_order_quantity',
  'order_increment',
  'image_urls',
  'attributes',
] as const;
export type CsvColumn = (typeof csvColumns)[number];

const requiredColumns: readonly CsvColumn[] = [
  'product_slug',
  'product_name',
  'category_slug',
  'sku',
  'list_price',
];

/** Columns describing the product: set by its first row, empty or repeated on later rows. */
const productColumns: readonly CsvColumn[] = [
  'product_name',
  'description',
  'category_slug',
  'status',
  'image_urls',
  'attributes',
];

export const MAX_ROWS = 100_000;
export const MAX_REPORTED_ERRORS = 1000;
const MAX_PRICE = 2_000_000_000;
const MAX_STOCK = 1_000_000_000;
const MAX_QUANTITY = 1_000_000;
const DEFAULT_CURRENCY = 'CNY';
/** Existing rows are read with `IN (...)` lists of at most this many values. */
const LOOKUP_CHUNK = 1000;
/** Rows per multi-row INSERT: small enough for SQLite's and MySQL's statement limits. */
const WRITE_CHUNK = 500;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SKU = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const currencies = new Set(Intl.supportedValuesOf('currency'));

export interface RowError {
  row: number;
  column: CsvColumn | null;
  /** In English; `code` and `params` are for translating it. */
  message: string;
  code: Code;
  params: ProblemParams;
}

/** The product fields of a product's first row. */
export interface ImportProduct {
  row: number;
  slug: string;
  name: string;
  description: string;
  categorySlug: string;
  status: ProductStatus;
  imageUrls: string[];
  attributes: NameValue[];
}

export interface ImportVariant {
  row: number;
  productSlug: string;
  sku: string;
  /** Empty: the product's name. */
  name: string;
  options: NameValue[];
  /** Minor units of `currency`. */
  listPrice: number;
  currency: string;
  stockOnHand: number;
  tiers: { minQuantity: number; unitPrice: number }[];
  minOrderQuantity: number;
  orderIncrement: number;
}

export interface ParsedCatalogCsv {
  /** The columns of the header; on existing rows the others keep their values. */
  columns: ReadonlySet<CsvColumn>;
  totalRows: number;
  /** A whole-file or header problem: no row was read. */
  fatal: boolean;
  /** Products whose first row is valid, by slug. */
  products: Map<string, ImportProduct>;
  /** The rows without errors so far, in file order. */
  variants: ImportVariant[];
  errors: RowError[];
}

/** A cell that does not parse; its message completes "<column> ...". */
class CellError extends Error {
  constructor(
    message: string,
    readonly code: Code,
    readonly params: ProblemParams = {},
  ) {
    super(message);
  }
}

function slug(text: string): string {
  if (!SLUG.test(text))
    throw new CellError('must be lower-case letters and digits joined by dashes', Code.SLUG);
  if (text.length > 200)
    throw new CellError('must be at most 200 characters', Code.MAX_LENGTH, { max: 200 });
  return text;
}

function textOf(min: number, max: number) {
  return (text: string): string => {
    if (text.length < min) throw new CellError('is required', Code.REQUIRED);
    if (text.length > max)
      throw new CellError(`must be at most ${max} characters`, Code.MAX_LENGTH, { max });
    return text;
  };
}

function integer(min: number, max: number) {
  return (text: string): number => {
    if (!/^\d{1,10}$/.test(text)) throw new CellError('must be a whole number', Code.INTEGER);
    const n = Number(text);
    if (n < min || n > max)
      throw new CellError(`must be from ${min} to ${max}`, Code.RANGE, { min, max });
    return n;
  };
}

/** `Name=Value;Name=Value`, names unique. */
function nameValues(max: number) {
  return (text: string): NameValue[] => {
    const pairs = text
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const eq = part.indexOf('=');
        const name = eq < 0 ? '' : part.slice(0, eq).trim();
        const value = eq < 0 ? '' : part.slice(eq + 1).trim();
        if (!name || !value)
          throw new CellError(`must be Name=Value pairs joined by ";"`, Code.NAME_VALUE);
        if (name.length > 100 || value.length > 500)
          throw new CellError(
            'names are at most 100 and values 500 characters',
            Code.NAME_VALUE_LENGTH,
            { name: 100, value: 500 },
          );
        return { name, value };
      });
    if (pairs.length > max)
      throw new CellError(`must have at most ${max} entries`, Code.MAX_ITEMS, { max });
    if (new Set(pairs.map((p) => p.name)).size !== pairs.length)
      throw new CellError('names must not repeat', Code.UNIQUE);
    return pairs;
  };
}

function imageUrls(text: string): string[] {
  const urls = text
    .split('|')
    .map((u) => u.trim())
    .filter(Boolean);
  if (urls.length > 20)
    throw new CellError('must have at most 20 URLs', Code.MAX_ITEMS, { max: 20 });
  for (const url of urls) {
    if (
      url.length > 2000 ||
      !isURL(url, { require_protocol: true, protocols: ['http', 'https'] })
    ) {
      const entry = url.slice(0, 100);
      throw new CellError(`must be http(s) URLs joined by "|": ${entry} is not`, Code.URL, {
        entry,
      });
    }
  }
  return urls;
}

function status(text: string): ProductStatus {
  const value = text.toUpperCase();
  if (!(productStatuses as readonly string[]).includes(value))
    throw new CellError(`must be one of ${productStatuses.join(', ')}`, Code.ONE_OF, {
      values: productStatuses.join(', '),
    });
  return value as ProductStatus;
}

function currency(text: string): string {
  const code = text.toUpperCase();
  if (!/^[A-Z]{3}$/.test(code) || !currencies.has(code))
    throw new CellError('must be an ISO 4217 currency code such as CNY', Code.CURRENCY);
  return code;
}

/** A price in major units (`12.50`) as integer minor units of `code`. */
export function parseMajorUnits(text: string, code: string): number {
  const match = /^(\d{1,12})(?:\.(\d+))?$/.exec(text);
  if (!match) throw new CellError('must be a price such as 12.50', Code.PRICE);
  const digits = fractionDigits(code);
  const fraction = match[2] ?? '';
  if (fraction.length > digits) {
    throw new CellError(
      digits === 0
        ? `must be a whole number: ${code} has no minor units`
        : `must have at most ${digits} decimals for ${code}`,
      Code.DECIMALS,
      { max: digits, currency: code },
    );
  }
  const minor = Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (minor > MAX_PRICE)
    throw new CellError(`must be at most ${MAX_PRICE} minor units`, Code.MAX, { max: MAX_PRICE });
  return minor;
}

/** `10:11.50;50:11.00`: from 10 units each costs 11.50, from 50 units 11.00. */
function tiers(code: string) {
  return (text: string) => {
    const list = text
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [quantity, price, extra] = part.split(':').map((s) => s.trim());
        if (!quantity || !price || extra !== undefined)
          throw new CellError('must be minQuantity:unitPrice pairs joined by ";"', Code.TIER);
        try {
          return {
            minQuantity: integer(2, MAX_QUANTITY)(quantity),
            unitPrice: parseMajorUnits(price, code),
          };
        } catch (error) {
          if (error instanceof CellError)
            throw new CellError(
              `${part}: ${error.message.replace(/^must/, 'the parts must')}`,
              error.code,
              { ...error.params, entry: part },
            );
          throw error;
        }
      });
    if (list.length > 20)
      throw new CellError('must have at most 20 tiers', Code.MAX_ITEMS, { max: 20 });
    if (new Set(list.map((t) => t.minQuantity)).size !== list.length)
      throw new CellError('each tier needs its own minQuantity', Code.UNIQUE);
    return list.sort((a, b) => a.minQuantity - b.minQuantity);
  };
}

/** Reads the cells of one row, collecting an error per cell that does not parse. */
class RowReader {
  readonly errors: RowError[] = [];

  constructor(
    readonly row: number,
    private readonly record: string[],
    private readonly index: ReadonlyMap<CsvColumn, number>,
  ) {}

  text(column: CsvColumn): string {
    const i = this.index.get(column);
    return i === undefined ? '' : (this.record[i] ?? '').trim();
  }

  /** The parsed cell; an empty cell gives `fallback`, or an error when `required`. */
  read<T>(column: CsvColumn, parse: (text: string) => T, fallback: T, required = false): T {
    const text = this.text(column);
    if (!text) {
      if (required) this.fail(column, 'is required', Code.REQUIRED);
      return fallback;
    }
    try {
      return parse(text);
    } catch (error) {
      if (!(error instanceof CellError)) throw error;
      this.fail(column, error.message, error.code, error.params);
      return fallback;
    }
  }

  fail(column: CsvColumn | null, message: string, code: Code, params: ProblemParams = {}): void {
    this.errors.push({
      row: this.row,
      column,
      message: column ? `${column} ${message}` : message,
      code,
      params,
    });
  }
}

interface HeaderProblem {
  message: string;
  code: Code;
  columns: string;
}

function readHeader(header: string[]): {
  index: Map<CsvColumn, number>;
  problems: HeaderProblem[];
} {
  const index = new Map<CsvColumn, number>();
  const unknown: string[] = [];
  const repeated: string[] = [];
  header.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    if (!(csvColumns as readonly string[]).includes(name)) unknown.push(raw.trim());
    else if (index.has(name as CsvColumn)) repeated.push(name);
    else index.set(name as CsvColumn, i);
  });
  const missing = requiredColumns.filter((c) => !index.has(c));
  const problem = (what: string, code: Code, columns: string[]) =>
    columns.length
      ? [{ message: `${what}: ${columns.join(', ')}`, code, columns: columns.join(', ') }]
      : [];
  const problems = [
    ...problem(
      'unknown columns',
      Code.UNKNOWN_COLUMNS,
      unknown.map((c) => `"${c}"`),
    ),
    ...problem('repeated columns', Code.REPEATED_COLUMNS, repeated),
    ...problem('missing required columns', Code.MISSING_COLUMNS, missing),
  ];
  return { index, problems };
}

/**
 * Parses and checks a catalog CSV without the database: the header, every cell, and the rules
 * within the file (one currency per product, product fields agreeing with the product's first
 * row, each SKU once). Whole-file problems come back as row-0 errors with `fatal` set: one,
 * or one per problem of the header. Data rows are numbered from `firstRow`.
 */
export function parseCatalogCsv(csv: string, firstRow = 1): ParsedCatalogCsv {
  const result: ParsedCatalogCsv = {
    columns: new Set(),
    totalRows: 0,
    fatal: true,
    products: new Map(),
    variants: [],
    errors: [],
  };
  const fileError = (message: string, code: Code, params: ProblemParams = {}) => {
    result.errors.push({ row: 0, column: null, message, code, params });
    return result;
  };
  if (!csv.trim()) return fileError('The file is empty', Code.FILE_EMPTY);
  let records: string[][];
  try {
    records = parse(csv, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      to: MAX_ROWS + 2,
    });
  } catch (error) {
    if (error instanceof CsvError)
      return fileError(`The file is not valid CSV: ${error.message}`, Code.NOT_CSV, {
        detail: error.message,
      });
    throw error;
  }
  const [header, ...rows] = records;
  if (!header) return fileError('The file is empty', Code.FILE_EMPTY);
  result.totalRows = rows.length;
  if (rows.length > MAX_ROWS)
    return fileError(
      `The file has more than ${MAX_ROWS} data rows; split it into several files`,
      Code.TOO_MANY_ROWS,
      { max: MAX_ROWS },
    );
  const { index, problems } = readHeader(header);
  for (const p of problems) fileError(`Header: ${p.message}`, p.code, { columns: p.columns });
  if (problems.length > 0) return result;
  if (rows.length === 0) return fileError('The file has a header but no data rows', Code.NO_ROWS);
  result.fatal = false;
  result.columns = new Set(index.keys());

  const firstRows = new Map<string, { row: number; valid: boolean; cells: string[] }>();
  const currencyOf = new Map<string, { row: number; currency: string }>();
  const skuRows = new Map<string, number>();
  rows.forEach((record, i) => {
    const reader = new RowReader(firstRow + i, record, index);
    if (record.length !== header.length) {
      reader.fail(
        null,
        `has ${record.length} fields, the header has ${header.length}`,
        Code.FIELD_COUNT,
        {
          count: record.length,
          expected: header.length,
        },
      );
      result.errors.push(...reader.errors);
      return;
    }
    const productSlug = reader.read('product_slug', slug, '', true);
    const first = productSlug ? firstRows.get(productSlug) : undefined;
    if (productSlug && !first) {
      const product: ImportProduct = {
        row: reader.row,
        slug: productSlug,
        name: reader.read('product_name', textOf(1, 200), '', true),
        description: reader.read('description', textOf(0, 20_000), ''),
        categorySlug: reader.read('category_slug', slug, '', true),
        status: reader.read('status', status, 'DRAFT'),
        imageUrls: reader.read('image_urls', imageUrls, []),
        attributes: reader.read('attributes', nameValues(50), []),
      };
      const valid = reader.errors.length === 0;
      firstRows.set(productSlug, {
        row: reader.row,
        valid,
        cells: productColumns.map((c) => reader.text(c)),
      });
      if (valid) result.products.set(productSlug, product);
    } else if (first) {
      productColumns.forEach((column, c) => {
        const text = reader.text(column);
        if (text && text !== first.cells[c])
          reader.fail(
            column,
            `differs from row ${first.row}, the product's first row`,
            Code.DIFFERS_FROM_FIRST_ROW,
            { row: first.row },
          );
      });
    }

    const code = reader.read('currency', currency, DEFAULT_CURRENCY);
    const sku = reader.read(
      'sku',
      (text) => {
        if (!SKU.test(text))
          throw new CellError(
            'must be 1 to 64 letters, digits, dots, dashes or underscores',
            Code.SKU,
          );
        return text;
      },
      '',
      true,
    );
    const variant: ImportVariant = {
      row: reader.row,
      productSlug,
      sku,
      name: reader.read('variant_name', textOf(0, 200), ''),
      options: reader.read('options', nameValues(10), []),
      listPrice: reader.read('list_price', (text) => parseMajorUnits(text, code), 0, true),
      currency: code,
      stockOnHand: reader.read('stock_on_hand', integer(0, MAX_STOCK), 0),
      tiers: reader.read('tiers', tiers(code), []),
      minOrderQuantity: reader.read('min_order_quantity', integer(1, MAX_QUANTITY), 1),
      orderIncrement: reader.read('order_increment', integer(1, MAX_QUANTITY), 1),
    };
    // SKUs are unique regardless of case on MySQL's collation, so they are here too.
    const skuKey = sku.toLowerCase();
    const skuRow = skuRows.get(skuKey);
    if (sku && skuRow !== undefined)
      reader.fail('sku', `repeats the SKU of row ${skuRow}`, Code.REPEATS_ROW, { row: skuRow });
    else if (sku) skuRows.set(skuKey, reader.row);
    if (reader.errors.length === 0) {
      const productCurrency = currencyOf.get(productSlug);
      if (!productCurrency) currencyOf.set(productSlug, { row: reader.row, currency: code });
      else if (productCurrency.currency !== code)
        reader.fail(
          'currency',
          `differs from row ${productCurrency.row}: the variants of a product share one currency`,
          Code.SAME_CURRENCY,
          { row: productCurrency.row },
        );
    }
    if (reader.errors.length === 0 && first && !first.valid)
      reader.fail(
        'product_slug',
        `has errors on row ${first.row}, the product's first row`,
        Code.FIRST_ROW_INVALID,
        { row: first.row },
      );
    if (reader.errors.length === 0) result.variants.push(variant);
    else result.errors.push(...reader.errors);
  });
  return result;
}

/** Errors by row, at most MAX_REPORTED_ERRORS, the last saying how many were left out. */
export function reportedErrors(errors: RowError[]): RowError[] {
  const sorted = [...errors].sort((a, b) => a.row - b.row);
  if (sorted.length <= MAX_REPORTED_ERRORS) return sorted;
  const shown = sorted.slice(0, MAX_REPORTED_ERRORS - 1);
  const rest = sorted.length - shown.length;
  const next = sorted[shown.length] as RowError;
  return [
    ...shown,
    {
      row: next.row,
      column: null,
      message: `${rest} more errors from row ${next.row} on`,
      code: Code.MORE_ERRORS,
      params: { count: rest, row: next.row },
    },
  ];
}

/** The reported errors as the schema types them. */
function reportedRowErrors(errors: RowError[]): CsvRowError[] {
  return reportedErrors(errors).map(({ params, ...error }) =>
    Object.assign(new CsvRowError(), { ...error, params: paramList(params) }),
  );
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type ExistingProduct = Pick<Product, 'id' | 'slug' | 'sellerId'>;
type ExistingVariant = Pick<
  Variant,
  'id' | 'sku' | 'productId' | 'currency' | 'stockOnHand' | 'stockReserved'
>;

/** Imports a seller's catalog from CSV: every row checked first, then written in bulk. */
export class CsvImportService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly audit: AuditService,
  ) {}

  async importCatalogCsv(
    ctx: Context,
    viewer: Viewer,
    input: ImportCatalogCsvInput,
  ): Promise<CsvImportReport | NotFoundError> {
    const sellerId = this.targetSeller(viewer, input.sellerId);
    if (!sellerId || !(await ctx.em.existsBy(Seller, { id: sellerId })))
      return new NotFoundError('Seller');
    const parsed = parseCatalogCsv(input.csv, input.firstRow);
    const report = new CsvImportReport();
    Object.assign(report, {
      committed: false,
      totalRows: parsed.totalRows,
      validRows: 0,
      productsCreated: 0,
      productsUpdated: 0,
      variantsCreated: 0,
      variantsUpdated: 0,
      errors: reportedRowErrors(parsed.errors),
    });
    if (parsed.fatal) return report;

    const { variants, existingProducts, existingVariants, categoryIds } = await this.check(
      ctx,
      sellerId,
      parsed,
    );
    report.validRows = variants.length;
    report.errors = reportedRowErrors(parsed.errors);
    if (
      variants.length === 0 ||
      (input.mode === CsvImportMode.ALL_OR_NOTHING && parsed.errors.length > 0)
    )
      return report;

    const slugs = [...new Set(variants.map((v) => v.productSlug))];
    report.productsUpdated = slugs.filter((s) => existingProducts.has(s)).length;
    report.productsCreated = slugs.length - report.productsUpdated;
    report.variantsUpdated = variants.filter((v) =>
      existingVariants.has(v.sku.toLowerCase()),
    ).length;
    report.variantsCreated = variants.length - report.variantsUpdated;
    if (input.dryRun) return report;
    const productIds = await this.writeProducts(
      ctx,
      sellerId,
      parsed,
      slugs.map((s) => parsed.products.get(s) as ImportProduct),
      categoryIds,
    );
    await this.writeVariants(ctx, viewer, parsed, variants, productIds, existingVariants);
    await this.catalog.refreshProducts(ctx, [...productIds.values()]);
    report.committed = true;
    await this.audit.record(ctx, viewer, 'seller', sellerId, 'catalog-csv-imported', null, null, {
      mode: input.mode,
      totalRows: report.totalRows,
      validRows: report.validRows,
      productsCreated: report.productsCreated,
      productsUpdated: report.productsUpdated,
      variantsCreated: report.variantsCreated,
      variantsUpdated: report.variantsUpdated,
      errors: parsed.errors.length,
    });
    return report;
  }

  /** Staff import into their own seller; platform admins name one. */
  private targetSeller(viewer: Viewer, sellerId: string | null | undefined): number | null {
    if (viewer.user.isPlatformAdmin && sellerId) return parseId(sellerId);
    if (viewer.sellerId === null)
      throw badInput('Platform admins must name the seller', 'input.sellerId', Code.REQUIRED);
    if (sellerId && parseId(sellerId) !== viewer.sellerId)
      throw forbidden('Seller staff import into their own seller only');
    return viewer.sellerId;
  }

  /**
   * The rules that need the database: categories exist, slugs and SKUs are not another
   * seller's or product's, stock stays above what is reserved, and a product's variants outside
   * the file share the file's currency. Adds to `parsed.errors`; answers the rows still valid.
   * The existing rows are locked, so nothing changes them before the import writes.
   */
  private async check(ctx: Context, sellerId: number, parsed: ParsedCatalogCsv) {
    const categoryIds = new Map(
      (await ctx.em.find(Category, { select: { id: true, slug: true } })).map((c) => [
        c.slug,
        c.id,
      ]),
    );
    const existingProducts = new Map<string, ExistingProduct>();
    for (const slugs of chunks([...parsed.products.keys()], LOOKUP_CHUNK)) {
      const rows = await this.locked(ctx, Product, 'p')
        .select(['p.id', 'p.slug', 'p.sellerId'])
        .where('p.slug IN (:...slugs)', { slugs })
        .getMany();
      for (const p of rows) existingProducts.set(p.slug, p);
    }
    const existingVariants = new Map<string, ExistingVariant>();
    for (const skus of chunks(
      parsed.variants.map((v) => v.sku),
      LOOKUP_CHUNK,
    )) {
      const rows = await this.locked(ctx, Variant, 'v')
        .select(['v.id', 'v.sku', 'v.productId', 'v.currency', 'v.stockOnHand', 'v.stockReserved'])
        .where('v.sku IN (:...skus)', { skus })
        .getMany();
      for (const v of rows) existingVariants.set(v.sku.toLowerCase(), v);
    }

    const productErrorRow = new Map<string, number>();
    for (const product of parsed.products.values()) {
      const existing = existingProducts.get(product.slug);
      const fail = (column: CsvColumn, message: string, code: Code) => {
        parsed.errors.push({
          row: product.row,
          column,
          message: `${column} ${message}`,
          code,
          params: {},
        });
        productErrorRow.set(product.slug, product.row);
      };
      if (existing && existing.sellerId !== sellerId)
        fail('product_slug', "is taken by another seller's product", Code.TAKEN);
      if (!categoryIds.has(product.categorySlug))
        fail('category_slug', 'names no category', Code.NOT_FOUND);
    }
    const setsStock = parsed.columns.has('stock_on_hand');
    const afterVariantChecks = parsed.variants.filter((variant) => {
      const errors: RowError[] = [];
      const existing = existingVariants.get(variant.sku.toLowerCase());
      const productId = existingProducts.get(variant.productSlug)?.id;
      if (existing && existing.productId !== productId)
        errors.push({
          row: variant.row,
          column: 'sku',
          message: 'sku belongs to another product',
          code: Code.TAKEN,
          params: {},
        });
      else if (existing && setsStock && variant.stockOnHand < existing.stockReserved)
        errors.push({
          row: variant.row,
          column: 'stock_on_hand',
          message: `stock_on_hand is below the ${existing.stockReserved} units reserved for orders`,
          code: Code.BELOW_RESERVED,
          params: { reserved: existing.stockReserved },
        });
      const productRow = productErrorRow.get(variant.productSlug);
      if (errors.length === 0 && productRow !== undefined && productRow !== variant.row)
        errors.push({
          row: variant.row,
          column: 'product_slug',
          message: `product_slug has errors on row ${productRow}, the product's first row`,
          code: Code.FIRST_ROW_INVALID,
          params: { row: productRow },
        });
      parsed.errors.push(...errors);
      return errors.length === 0 && productRow === undefined;
    });

    const variants = await this.checkSiblingCurrencies(
      ctx,
      parsed,
      afterVariantChecks,
      existingProducts,
    );
    return { variants, existingProducts, existingVariants, categoryIds };
  }

  /** A product's variants the import leaves alone must already be in the file's currency. */
  private async checkSiblingCurrencies(
    ctx: Context,
    parsed: ParsedCatalogCsv,
    variants: ImportVariant[],
    existingProducts: Map<string, ExistingProduct>,
  ): Promise<ImportVariant[]> {
    const imported = new Set(variants.map((v) => v.sku.toLowerCase()));
    const productIds = [
      ...new Set(variants.flatMap((v) => existingProducts.get(v.productSlug)?.id ?? [])),
    ];
    const otherCurrency = new Map<number, string>();
    for (const ids of chunks(productIds, LOOKUP_CHUNK)) {
      const rows = await ctx.em
        .createQueryBuilder(Variant, 'v')
        .select(['v.productId', 'v.sku', 'v.currency'])
        .where('v.productId IN (:...ids)', { ids })
        .getMany();
      for (const v of rows)
        if (!imported.has(v.sku.toLowerCase())) otherCurrency.set(v.productId, v.currency);
    }
    return variants.filter((variant) => {
      const productId = existingProducts.get(variant.productSlug)?.id;
      const other = productId === undefined ? undefined : otherCurrency.get(productId);
      if (other === undefined || other === variant.currency) return true;
      parsed.errors.push({
        row: variant.row,
        column: 'currency',
        message: `currency differs from the product's other variants, priced in ${other}`,
        code: Code.SAME_CURRENCY,
        params: { currency: other },
      });
      return false;
    });
  }

  /** A SELECT that locks what it reads until the import commits (MySQL; SQLite runs writes one at a time). */
  private locked<T extends Product | Variant>(ctx: Context, entity: new () => T, alias: string) {
    const qb = ctx.em.createQueryBuilder(entity, alias);
    return ctx.em.connection.options.type === 'mysql' ? qb.setLock('pessimistic_write') : qb;
  }

  /**
   * Creates or updates the products with one multi-row upsert per chunk (columns missing from
   * the header are left as they are), then reads back the ids. The seller is not part of the
   * upsert: a slug another seller took meanwhile keeps its owner and fails the import.
   */
  private async writeProducts(
    ctx: Context,
    sellerId: number,
    parsed: ParsedCatalogCsv,
    products: ImportProduct[],
    categoryIds: Map<string, number>,
  ): Promise<Map<string, number>> {
    const has = (c: CsvColumn) => parsed.columns.has(c);
    const updated = [
      'name',
      'categoryId',
      ...(has('description') ? ['description'] : []),
      ...(has('status') ? ['status'] : []),
      ...(has('image_urls') ? ['imageUrls'] : []),
      ...(has('attributes') ? ['attributes'] : []),
      'updatedAt',
    ];
    for (const chunk of chunks(products, WRITE_CHUNK)) {
      await ctx.em
        .createQueryBuilder()
        .insert()
        .into(Product)
        .values(
          chunk.map((p) => ({
            sellerId,
            categoryId: categoryIds.get(p.categorySlug) as number,
            slug: p.slug,
            name: p.name,
            description: p.description,
            attributes: p.attributes,
            imageUrls: p.imageUrls,
            status: p.status,
            minPrice: null,
            currency: null,
            inStock: false,
          })),
        )
        .orUpdate(updated, ['slug'])
        .updateEntity(false)
        .execute();
    }
    const ids = new Map<string, number>();
    for (const slugs of chunks(
      products.map((p) => p.slug),
      LOOKUP_CHUNK,
    )) {
      const rows = await ctx.em.find(Product, {
        select: { id: true, slug: true, sellerId: true },
        where: { slug: In(slugs) },
      });
      for (const p of rows) {
        if (p.sellerId !== sellerId)
          throw new Error(`product slug ${p.slug} was taken by another seller during the import`);
        ids.set(p.slug, p.id);
      }
    }
    return ids;
  }

  /**
   * Creates or updates the variants (one multi-row upsert per chunk), replaces the tiers of the
   * imported variants when the file has a tiers column, and records each stock change as an
   * IMPORT movement.
   */
  private async writeVariants(
    ctx: Context,
    viewer: Viewer,
    parsed: ParsedCatalogCsv,
    variants: ImportVariant[],
    productIds: Map<string, number>,
    existingVariants: Map<string, ExistingVariant>,
  ): Promise<void> {
    const has = (c: CsvColumn) => parsed.columns.has(c);
    const updated = [
      ...(has('variant_name') ? ['name'] : []),
      ...(has('options') ? ['options'] : []),
      'listPrice',
      'currency',
      ...(has('min_order_quantity') ? ['minOrderQuantity'] : []),
      ...(has('order_increment') ? ['orderIncrement'] : []),
      ...(has('stock_on_hand') ? ['stockOnHand'] : []),
      'updatedAt',
    ];
    const positions = await this.nextPositions(ctx, [...productIds.values()]);
    for (const chunk of chunks(variants, WRITE_CHUNK)) {
      await ctx.em
        .createQueryBuilder()
        .insert()
        .into(Variant)
        .values(
          chunk.map((v) => {
            const productId = productIds.get(v.productSlug) as number;
            const isNew = !existingVariants.has(v.sku.toLowerCase());
            const position = positions.get(productId) ?? 0;
            if (isNew) positions.set(productId, position + 1);
            return {
              productId,
              sku: v.sku,
              name: v.name || (parsed.products.get(v.productSlug) as ImportProduct).name,
              options: v.options,
              listPriceAmount: v.listPrice,
              currency: v.currency,
              minOrderQuantity: v.minOrderQuantity,
              orderIncrement: v.orderIncrement,
              stockOnHand: v.stockOnHand,
              position,
            };
          }),
        )
        .orUpdate(updated, ['sku'])
        .updateEntity(false)
        .execute();
    }
    const ids = new Map<string, number>();
    for (const skus of chunks(
      variants.map((v) => v.sku),
      LOOKUP_CHUNK,
    )) {
      const rows = await ctx.em.find(Variant, {
        select: { id: true, sku: true },
        where: { sku: In(skus) },
      });
      for (const v of rows) ids.set(v.sku.toLowerCase(), v.id);
    }
    const idOf = (v: ImportVariant) => ids.get(v.sku.toLowerCase()) as number;

    if (has('tiers')) {
      const replaced = variants.filter((v) => existingVariants.has(v.sku.toLowerCase()));
      for (const chunk of chunks(replaced.map(idOf), LOOKUP_CHUNK))
        await ctx.em.delete(PriceTier, { variantId: In(chunk) });
      const rows = variants.flatMap((v) =>
        v.tiers.map((t) => ({ variantId: idOf(v), currency: v.currency, ...t })),
      );
      for (const chunk of chunks(rows, WRITE_CHUNK))
        await ctx.em
          .createQueryBuilder()
          .insert()
          .into(PriceTier)
          .values(chunk)
          .updateEntity(false)
          .execute();
    }

    if (has('stock_on_hand')) {
      const movements = variants.flatMap((v) => {
        const delta = v.stockOnHand - (existingVariants.get(v.sku.toLowerCase())?.stockOnHand ?? 0);
        return delta === 0
          ? []
          : [
              {
                variantId: idOf(v),
                delta,
                onHandAfter: v.stockOnHand,
                reason: 'IMPORT' as const,
                note: 'CSV import',
                actorUserId: viewer.user.id,
              },
            ];
      });
      for (const chunk of chunks(movements, WRITE_CHUNK))
        await ctx.em
          .createQueryBuilder()
          .insert()
          .into(StockMovement)
          .values(chunk)
          .updateEntity(false)
          .execute();
    }
  }

  /** Per product, the position after its last variant: new variants are appended. */
  private async nextPositions(ctx: Context, productIds: number[]): Promise<Map<number, number>> {
    const positions = new Map<number, number>();
    for (const ids of chunks(productIds, LOOKUP_CHUNK)) {
      const rows = await ctx.em
        .createQueryBuilder(Variant, 'v')
        .select('v.productId', 'productId')
        .addSelect('MAX(v.position)', 'last')
        .where('v.productId IN (:...ids)', { ids })
        .groupBy('v.productId')
        .getRawMany<{ productId: number | string; last: number | string }>();
      for (const r of rows) positions.set(Number(r.productId), Number(r.last) + 1);
    }
    return positions;
  }
}
