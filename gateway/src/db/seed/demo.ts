import type { DataSource, EntityManager } from 'typeorm';
import { ApprovalMode, ApprovalPolicy } from '../../modules/approval/approval.entity.js';
import { Category } from '../../modules/catalog/category.entity.js';
import { CreditLine } from '../../modules/contracts/call-off.entity.js';
import { PriceTier } from '../../modules/catalog/price-tier.entity.js';
import { ProductSearchTerm } from '../../modules/catalog/product-search-term.entity.js';
import {
  replaceSearchTerms,
  searchTermRows,
  type IndexedProduct,
} from '../../modules/catalog/product-search.js';
import { Product } from '../../modules/catalog/product.entity.js';
import { Variant } from '../../modules/catalog/variant.entity.js';
import { CompanyAddress } from '../../modules/identity/company-address.entity.js';
import { Company } from '../../modules/identity/company.entity.js';
import {
  CompanyMember,
  type CompanyRole,
  type Department,
} from '../../modules/identity/company-member.entity.js';
import { hashPassword } from '../../modules/identity/password.js';
import { Seller } from '../../modules/identity/seller.entity.js';
import { SellerStaff } from '../../modules/identity/seller-staff.entity.js';
import { User } from '../../modules/identity/user.entity.js';
import { categorySeeds, generateProduct, sellerSeeds } from './catalog-generator.js';

export const DEMO_PASSWORD = 'demo-pass-123';
export const DEMO_PRODUCTS = 300;

interface Account {
  email: string;
  name: string;
  admin?: boolean;
  seller?: string;
  company?: string;
  roles?: CompanyRole[];
  department?: Department;
}

/** The demo accounts listed in the README; all use DEMO_PASSWORD. */
export const demoAccounts: Account[] = [
  { email: 'admin@marketgate.example', name: 'Platform Admin', admin: true },
  { email: 'alice@marketgate.example', name: 'Alice Consumer' },
  { email: 'sales@north-dairy.example', name: 'North Dairy Sales', seller: 'north-dairy' },
  { email: 'sales@office-hub.example', name: 'Office Hub Sales', seller: 'office-hub' },
  { email: 'buyer@acme.example', name: 'Acme Buyer', company: 'ACME', roles: ['BUYER'] },
  {
    email: 'sourcing@acme.example',
    name: 'Acme Sourcing',
    company: 'ACME',
    roles: ['APPROVER'],
    department: 'SOURCING',
  },
  {
    email: 'finance@acme.example',
    name: 'Acme Finance',
    company: 'ACME',
    roles: ['APPROVER'],
    department: 'FINANCE',
  },
  {
    email: 'logistics@acme.example',
    name: 'Acme Logistics',
    company: 'ACME',
    roles: ['APPROVER'],
    department: 'LOGISTICS',
  },
  {
    email: 'warehouse@acme.example',
    name: 'Acme Warehouse',
    company: 'ACME',
    roles: ['APPROVER'],
    department: 'WAREHOUSE',
  },
  {
    email: 'manager@acme.example',
    name: 'Acme Manager',
    company: 'ACME',
    roles: ['APPROVER'],
    department: 'MANAGEMENT',
  },
  {
    email: 'admin@acme.example',
    name: 'Acme Admin',
    company: 'ACME',
    roles: ['COMPANY_ADMIN', 'BUYER'],
  },
  {
    email: 'buyer@globex.example',
    name: 'Globex Buyer',
    company: 'GLOBEX',
    roles: ['BUYER', 'COMPANY_ADMIN'],
  },
  {
    email: 'buyer@initech.example',
    name: 'Initech Buyer',
    company: 'INITECH',
    roles: ['BUYER', 'COMPANY_ADMIN'],
  },
];

const companies = [
  { key: 'ACME', name: 'Acme Trading Co.', registrationNumber: 'CN-ACME-0001' },
  { key: 'GLOBEX', name: 'Globex Corporation', registrationNumber: 'CN-GLOBEX-0002' },
  // Registered, waiting in the platform admin's verification queue.
  {
    key: 'INITECH',
    name: 'Initech Supplies',
    registrationNumber: 'CN-INITECH-0003',
    pending: true,
  },
];

/** Ids of the sellers and categories by slug. */
export interface CatalogRefs {
  sellers: Map<string, number>;
  categories: Map<string, number>;
}

async function seedStructure(em: EntityManager): Promise<CatalogRefs> {
  const sellers = new Map<string, number>();
  for (const s of sellerSeeds) {
    const seller = await em.save(em.create(Seller, { ...s, status: 'ACTIVE' }));
    sellers.set(s.slug, seller.id);
  }
  const categories = new Map<string, number>();
  const paths = new Map<string, string>();
  for (const [position, c] of categorySeeds.entries()) {
    const parentId = c.parent ? (categories.get(c.parent) ?? null) : null;
    const category = await em.save(
      em.create(Category, { name: c.name, slug: c.slug, parentId, position, path: '/' }),
    );
    const path = `${c.parent ? paths.get(c.parent) : '/'}${category.id}/`;
    await em.update(Category, { id: category.id }, { path });
    categories.set(c.slug, category.id);
    paths.set(c.slug, path);
  }
  return { sellers, categories };
}

async function seedAccounts(em: EntityManager, refs: CatalogRefs): Promise<void> {
  const companyIds = new Map<string, number>();
  for (const c of companies) {
    const company = await em.save(
      em.create(Company, {
        name: c.name,
        registrationNumber: c.registrationNumber,
        status: c.pending ? 'PENDING' : 'VERIFIED',
        verifiedAt: c.pending ? null : new Date(),
      }),
    );
    companyIds.set(c.key, company.id);
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const a of demoAccounts) {
    const user = await em.save(
      em.create(User, {
        email: a.email,
        name: a.name,
        passwordHash,
        isPlatformAdmin: a.admin ?? false,
      }),
    );
    if (a.seller)
      await em.save(
        em.create(SellerStaff, { sellerId: refs.sellers.get(a.seller) as number, userId: user.id }),
      );
    if (a.company) {
      await em.save(
        em.create(CompanyMember, {
          companyId: companyIds.get(a.company) as number,
          userId: user.id,
          roles: a.roles ?? ['BUYER'],
          department: a.department ?? null,
        }),
      );
    }
  }
  // Acme routes purchases through sourcing; finance joins from 10,000 and management from 100,000.
  await em.insert(ApprovalPolicy, {
    companyId: companyIds.get('ACME') as number,
    stages: [
      { department: 'SOURCING', mode: ApprovalMode.ANY, minAmount: null },
      { department: 'FINANCE', mode: ApprovalMode.ANY, minAmount: 1_000_000 },
      { department: 'MANAGEMENT', mode: ApprovalMode.ALL, minAmount: 10_000_000 },
    ],
  });
  await em.insert(CompanyAddress, {
    companyId: companyIds.get('ACME') as number,
    label: 'Hangzhou warehouse',
    address: {
      name: 'Acme Receiving',
      phone: '13800138000',
      province: 'Zhejiang',
      city: 'Hangzhou',
      district: 'Xihu',
      line1: '88 Wensan Road, Building 3',
      postalCode: '310012',
    },
    isDefault: true,
  });
  // Both B2B sellers give Acme 500,000 of credit for call-off orders.
  await em.insert(
    CreditLine,
    ['north-dairy', 'office-hub'].map((seller) => ({
      sellerId: refs.sellers.get(seller) as number,
      companyId: companyIds.get('ACME') as number,
      limitAmount: 50_000_000,
      currency: 'CNY',
    })),
  );
}

/**
 * Inserts generated products `from .. from+count-1` in bulk, `chunk` products per statement
 * group, with explicit ids so variants and tiers need no read-back.
 */
export async function seedProducts(
  dataSource: DataSource,
  refs: CatalogRefs,
  from: number,
  count: number,
  onProgress: (done: number) => void = () => {},
  chunk = 500,
): Promise<void> {
  const ids = await dataSource.query('SELECT COALESCE(MAX(id), 0) AS id FROM variant');
  let nextVariantId = Number((ids as { id: number | string }[])[0]?.id ?? 0) + 1;
  const productBase = Number(
    (
      (await dataSource.query('SELECT COALESCE(MAX(id), 0) AS id FROM product')) as {
        id: number | string;
      }[]
    )[0]?.id ?? 0,
  );
  const created = new Date(Date.UTC(2026, 0, 1));
  for (let start = 0; start < count; start += chunk) {
    const products: Partial<Product>[] = [];
    const variants: Partial<Variant>[] = [];
    const tiers: Partial<PriceTier>[] = [];
    const terms: ProductSearchTerm[] = [];
    for (let i = start; i < Math.min(count, start + chunk); i++) {
      const g = generateProduct(from + i);
      const id = productBase + i + 1;
      const cheapest = Math.min(...g.variants.map((v) => v.listPrice));
      const product: IndexedProduct & Partial<Product> = {
        id,
        sellerId: refs.sellers.get(g.sellerSlug) as number,
        categoryId: refs.categories.get(g.categorySlug) as number,
        slug: g.slug,
        name: g.name,
        description: g.description,
        attributes: g.attributes,
        imageUrls: g.imageUrls,
        status: 'ACTIVE',
        minPrice: cheapest,
        currency: 'CNY',
        inStock: g.variants.some((v) => v.stockOnHand > 0),
        createdAt: created,
        updatedAt: created,
      };
      products.push(product);
      terms.push(
        ...searchTermRows(
          product,
          g.variants.map((v) => v.sku),
        ),
      );
      g.variants.forEach((v, position) => {
        const variantId = nextVariantId++;
        variants.push({
          id: variantId,
          productId: id,
          sku: v.sku,
          name: v.name,
          options: v.options,
          listPriceAmount: v.listPrice,
          currency: 'CNY',
          minOrderQuantity: v.minOrderQuantity,
          orderIncrement: v.orderIncrement,
          stockOnHand: v.stockOnHand,
          stockReserved: 0,
          position,
        });
        for (const t of v.tiers)
          tiers.push({
            variantId,
            minQuantity: t.minQuantity,
            unitPrice: t.unitPrice,
            currency: 'CNY',
          });
      });
    }
    await dataSource.transaction(async (em) => {
      await em
        .createQueryBuilder()
        .insert()
        .into(Product)
        .values(products)
        .updateEntity(false)
        .execute();
      await em
        .createQueryBuilder()
        .insert()
        .into(Variant)
        .values(variants)
        .updateEntity(false)
        .execute();
      await replaceSearchTerms(em, [], terms);
      for (let t = 0; t < tiers.length; t += 1000) {
        await em
          .createQueryBuilder()
          .insert()
          .into(PriceTier)
          .values(tiers.slice(t, t + 1000))
          .updateEntity(false)
          .execute();
      }
    });
    onProgress(Math.min(count, start + chunk));
  }
}

export async function catalogRefs(dataSource: DataSource): Promise<CatalogRefs> {
  const sellers = await dataSource.manager.find(Seller);
  const categories = await dataSource.manager.find(Category);
  return {
    sellers: new Map(sellers.map((s) => [s.slug, s.id])),
    categories: new Map(categories.map((c) => [c.slug, c.id])),
  };
}

/** Loads sellers, categories, accounts and the first `products` generated products. */
export async function seedDemo(dataSource: DataSource, products = DEMO_PRODUCTS): Promise<void> {
  const refs = await dataSource.transaction(async (em) => {
    const r = await seedStructure(em);
    await seedAccounts(em, r);
    return r;
  });
  await seedProducts(dataSource, refs, 0, products);
}

/** Seeds the demo when the database has no users yet; true when it did. */
export async function seedDemoIfEmpty(dataSource: DataSource): Promise<boolean> {
  if ((await dataSource.manager.count(User)) > 0) return false;
  await seedDemo(dataSource);
  return true;
}
