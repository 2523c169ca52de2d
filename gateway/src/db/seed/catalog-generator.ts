import type { NameValue } from '../../modules/catalog/product.entity.js';

/** Small deterministic PRNG (mulberry32): the same seed gives the same catalog on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CategorySeed {
  slug: string;
  name: string;
  parent: string | null;
  seller: string;
  nouns: string[];
  options: { name: string; values: string[] };
  basePrice: number;
}

export const sellerSeeds = [
  {
    slug: 'north-dairy',
    name: 'North Dairy',
    description: 'Milk, cheese and drinks from the northern pastures.',
  },
  {
    slug: 'office-hub',
    name: 'Office Hub',
    description: 'Everything an office runs on, by the box or the pallet.',
  },
  {
    slug: 'green-home',
    name: 'Green Home',
    description: 'Kitchen, cleaning and home goods that last.',
  },
] as const;

export const categorySeeds: CategorySeed[] = [
  {
    slug: 'food-drinks',
    name: 'Food & Drinks',
    parent: null,
    seller: 'north-dairy',
    nouns: [],
    options: { name: 'Size', values: [] },
    basePrice: 0,
  },
  {
    slug: 'dairy',
    name: 'Dairy',
    parent: 'food-drinks',
    seller: 'north-dairy',
    nouns: ['Whole Milk', 'Yogurt', 'Cheddar', 'Butter', 'Cream'],
    options: { name: 'Size', values: ['250 ml', '1 L', '6 x 1 L'] },
    basePrice: 1290,
  },
  {
    slug: 'beverages',
    name: 'Beverages',
    parent: 'food-drinks',
    seller: 'north-dairy',
    nouns: ['Green Tea', 'Oat Drink', 'Sparkling Water', 'Coffee Beans', 'Juice'],
    options: { name: 'Pack', values: ['Single', '6-pack', '24-pack'] },
    basePrice: 890,
  },
  {
    slug: 'snacks',
    name: 'Snacks',
    parent: 'food-drinks',
    seller: 'north-dairy',
    nouns: ['Crackers', 'Almonds', 'Granola Bar', 'Rice Cakes'],
    options: { name: 'Pack', values: ['Small', 'Family'] },
    basePrice: 1590,
  },
  {
    slug: 'office',
    name: 'Office',
    parent: null,
    seller: 'office-hub',
    nouns: [],
    options: { name: 'Size', values: [] },
    basePrice: 0,
  },
  {
    slug: 'paper',
    name: 'Paper',
    parent: 'office',
    seller: 'office-hub',
    nouns: ['Copy Paper', 'Notebook', 'Sticky Notes', 'Envelopes'],
    options: { name: 'Format', values: ['A4', 'A5', 'Letter'] },
    basePrice: 2990,
  },
  {
    slug: 'writing',
    name: 'Writing Instruments',
    parent: 'office',
    seller: 'office-hub',
    nouns: ['Gel Pen', 'Fountain Pen', 'Marker', 'Pencil'],
    options: { name: 'Colour', values: ['Black', 'Blue', 'Red'] },
    basePrice: 590,
  },
  {
    slug: 'furniture',
    name: 'Office Furniture',
    parent: 'office',
    seller: 'office-hub',
    nouns: ['Desk Chair', 'Standing Desk', 'Filing Cabinet', 'Bookshelf'],
    options: { name: 'Finish', values: ['Oak', 'White', 'Graphite'] },
    basePrice: 89900,
  },
  {
    slug: 'printing',
    name: 'Printers & Ink',
    parent: 'office',
    seller: 'office-hub',
    nouns: ['Laser Toner', 'Ink Cartridge', 'Label Printer'],
    options: { name: 'Yield', values: ['Standard', 'High'] },
    basePrice: 19900,
  },
  {
    slug: 'electronics',
    name: 'Electronics',
    parent: null,
    seller: 'office-hub',
    nouns: [],
    options: { name: 'Size', values: [] },
    basePrice: 0,
  },
  {
    slug: 'computer-accessories',
    name: 'Computer Accessories',
    parent: 'electronics',
    seller: 'office-hub',
    nouns: ['Keyboard', 'Mouse', 'USB-C Hub', 'Monitor Arm'],
    options: { name: 'Colour', values: ['Black', 'Silver'] },
    basePrice: 15900,
  },
  {
    slug: 'audio',
    name: 'Audio',
    parent: 'electronics',
    seller: 'office-hub',
    nouns: ['Headset', 'Speakerphone', 'Earbuds'],
    options: { name: 'Colour', values: ['Black', 'White'] },
    basePrice: 29900,
  },
  {
    slug: 'home-kitchen',
    name: 'Home & Kitchen',
    parent: null,
    seller: 'green-home',
    nouns: [],
    options: { name: 'Size', values: [] },
    basePrice: 0,
  },
  {
    slug: 'cookware',
    name: 'Cookware',
    parent: 'home-kitchen',
    seller: 'green-home',
    nouns: ['Frying Pan', 'Stock Pot', 'Wok', 'Kettle'],
    options: { name: 'Size', values: ['20 cm', '24 cm', '28 cm'] },
    basePrice: 25900,
  },
  {
    slug: 'cleaning',
    name: 'Cleaning',
    parent: 'home-kitchen',
    seller: 'green-home',
    nouns: ['Dish Soap', 'Microfibre Cloth', 'Floor Cleaner', 'Sponge'],
    options: { name: 'Pack', values: ['Single', '3-pack', '12-pack'] },
    basePrice: 990,
  },
];

const adjectives = [
  'Classic',
  'Premium',
  'Organic',
  'Everyday',
  'Pro',
  'Eco',
  'Compact',
  'Deluxe',
  'Essential',
  'Select',
  'Heritage',
  'Smart',
];

export interface GeneratedVariant {
  sku: string;
  name: string;
  options: NameValue[];
  listPrice: number;
  stockOnHand: number;
  tiers: { minQuantity: number; unitPrice: number }[];
  minOrderQuantity: number;
  orderIncrement: number;
}

export interface GeneratedProduct {
  index: number;
  slug: string;
  name: string;
  description: string;
  categorySlug: string;
  sellerSlug: string;
  attributes: NameValue[];
  imageUrls: string[];
  variants: GeneratedVariant[];
}

const leafCategories = categorySeeds.filter((c) => c.parent !== null);

/** Product number `index` of the deterministic catalog (the same for the demo and the large seed). */
export function generateProduct(index: number): GeneratedProduct {
  const random = prng(index * 7919 + 17);
  const category = leafCategories[index % leafCategories.length] as CategorySeed;
  const noun = category.nouns[Math.floor(random() * category.nouns.length)] as string;
  const adjective = adjectives[Math.floor(random() * adjectives.length)] as string;
  const series = 100 + index;
  const name = `${adjective} ${noun} ${series}`;
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  const base = Math.round(category.basePrice * (0.6 + random() * 1.2));
  const skuStem = `${category.slug.slice(0, 3).toUpperCase()}-${String(index).padStart(6, '0')}`;
  const count = 1 + Math.floor(random() * category.options.values.length);
  const variants: GeneratedVariant[] = category.options.values.slice(0, count).map((value, v) => {
    const listPrice = Math.round((base * (1 + v * 0.8)) / 10) * 10;
    return {
      sku: `${skuStem}-${v + 1}`,
      name: `${name}, ${value}`,
      options: [{ name: category.options.name, value }],
      listPrice,
      stockOnHand: random() < 0.08 ? 0 : Math.floor(random() * 500),
      tiers: [
        { minQuantity: 10, unitPrice: Math.round(listPrice * 0.95) },
        { minQuantity: 50, unitPrice: Math.round(listPrice * 0.9) },
        { minQuantity: 200, unitPrice: Math.round(listPrice * 0.82) },
      ],
      minOrderQuantity: 1,
      orderIncrement: 1,
    };
  });
  return {
    index,
    slug,
    name,
    description: `${adjective} ${noun.toLowerCase()} from ${category.name.toLowerCase()}: dependable quality for homes and businesses. Series ${series}.`,
    categorySlug: category.slug,
    sellerSlug: category.seller,
    attributes: [
      { name: 'Brand', value: adjective },
      { name: 'Origin', value: random() < 0.5 ? 'CN' : 'DE' },
    ],
    imageUrls: [],
    variants,
  };
}
