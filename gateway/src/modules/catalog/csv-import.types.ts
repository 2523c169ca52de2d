import { IsIn, IsOptional, Max, MaxLength, Min } from 'class-validator';
import {
  createUnionType,
  Field,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from 'type-graphql';
import { NotFoundError } from '../../api/errors.js';
import { InputProblemCode, InputProblemParam } from '../../api/input-problems.js';

export enum CsvImportMode {
  ALL_OR_NOTHING = 'ALL_OR_NOTHING',
  VALID_ROWS = 'VALID_ROWS',
}
registerEnumType(CsvImportMode, {
  name: 'CsvImportMode',
  description: 'ALL_OR_NOTHING writes nothing when any row is invalid; VALID_ROWS skips bad rows.',
  valuesConfig: {
    ALL_OR_NOTHING: { description: 'Any invalid row: nothing is written.' },
    VALID_ROWS: { description: 'Every valid row is written, invalid ones are skipped.' },
  },
});

/** Largest CSV text accepted, in characters (the HTTP body limit is 64 MB as well). */
export const MAX_CSV_LENGTH = 64 * 1024 * 1024;

/** Highest `firstRow`: well beyond any file's rows, small enough to keep row numbers exact. */
const MAX_FIRST_ROW = 1_000_000_000;

@InputType({
  description:
    'A catalog CSV, one row per variant, header row required. Columns: product_slug, ' +
    'product_name, description, category_slug, status, sku, variant_name, options, list_price, ' +
    'currency, stock_on_hand, tiers, min_order_quantity, order_increment, image_urls, attributes ' +
    '(required: product_slug, product_name, category_slug, sku, list_price). Rows sharing a ' +
    'product_slug form one product; the first row sets its fields and later rows leave them ' +
    'empty or repeat them. On existing products and variants a column missing from the header ' +
    'keeps its current value; an empty cell sets the default.',
})
export class ImportCatalogCsvInput {
  @Field(() => String, { description: 'The file contents (UTF-8 text).' })
  @MaxLength(MAX_CSV_LENGTH)
  csv: string;

  @Field(() => CsvImportMode)
  @IsIn(Object.values(CsvImportMode))
  mode: CsvImportMode;

  @Field(() => ID, {
    nullable: true,
    description: 'Required for platform admins; staff import into their own seller.',
  })
  @IsOptional()
  sellerId?: string | null;

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      'Checks every row and reports what the import would create and update, writing nothing: ' +
      'the report to show before committing.',
  })
  dryRun: boolean;

  @Field(() => Int, {
    defaultValue: 1,
    description:
      "The number of the CSV's first data row in the report. A client that checks a large file " +
      'in parts (each with the header) passes where each part starts, so rows keep the numbers ' +
      'they have in the whole file.',
  })
  @Min(1)
  @Max(MAX_FIRST_ROW)
  firstRow: number;
}

@ObjectType({
  description: 'A problem with one row (row 0 is the header or the whole file).',
  simpleResolvers: true,
})
export class CsvRowError {
  @Field(() => Int, {
    description:
      "Data row number (the first is 1, or the input's `firstRow`); 0 is the header or the whole file.",
  })
  row: number;

  @Field(() => String, { nullable: true, description: 'The column, when one cell is at fault.' })
  column: string | null;

  @Field(() => String, { description: 'In English; `code` and `params` are for translating it.' })
  message: string;

  @Field(() => InputProblemCode)
  code: InputProblemCode;

  @Field(() => [InputProblemParam])
  params: InputProblemParam[];
}

@ObjectType({ description: 'What a catalog CSV import found and did.', simpleResolvers: true })
export class CsvImportReport {
  @Field(() => Boolean, { description: 'Whether anything was written.' })
  committed: boolean;

  @Field(() => Int, { description: 'Data rows in the file (the header not counted).' })
  totalRows: number;

  @Field(() => Int)
  validRows: number;

  @Field(() => Int)
  productsCreated: number;

  @Field(() => Int)
  productsUpdated: number;

  @Field(() => Int)
  variantsCreated: number;

  @Field(() => Int)
  variantsUpdated: number;

  @Field(() => [CsvRowError], {
    description: 'By row; at most 1000, the last one then says how many more there were.',
  })
  errors: CsvRowError[];
}

export const ImportCatalogCsvResult = createUnionType({
  name: 'ImportCatalogCsvResult',
  types: () => [CsvImportReport, NotFoundError] as const,
});
