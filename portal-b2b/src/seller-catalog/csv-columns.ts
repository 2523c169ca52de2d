/**
 * The columns of a catalog CSV, as the gateway's `ImportCatalogCsvInput` describes them, in the
 * order of its template; the required ones must be in the header.
 */
export const csvColumns = [
  { name: 'product_slug', required: true },
  { name: 'product_name', required: true },
  { name: 'description', required: false },
  { name: 'category_slug', required: true },
  { name: 'status', required: false },
  { name: 'sku', required: true },
  { name: 'variant_name', required: false },
  { name: 'options', required: false },
  { name: 'list_price', required: true },
  { name: 'currency', required: false },
  { name: 'stock_on_hand', required: false },
  { name: 'tiers', required: false },
  { name: 'min_order_quantity', required: false },
  { name: 'order_increment', required: false },
  { name: 'image_urls', required: false },
  { name: 'attributes', required: false },
] as const;

export type CsvColumnName = (typeof csvColumns)[number]['name'];

/** A file to start from: the header and one product with two variants. */
export const csvTemplate = [
  csvColumns.map((c) => c.name).join(','),
  'a4-copy-paper,A4 Copy Paper,"80 g/m², 500 sheets a ream",paper,DRAFT,PAPER-A4-WHITE,"A4, white",Colour=White,25.00,CNY,120,10:23.50;50:22.00,1,1,https://example.com/a4-white.jpg,Brand=Acme;Origin=CN',
  'a4-copy-paper,,,,,PAPER-A4-RECYCLED,"A4, recycled",Colour=Recycled,27.00,CNY,60,10:25.50,5,5,,',
].join('\n');
