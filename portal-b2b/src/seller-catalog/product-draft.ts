import type {
  CreateProductInput,
  SellerCatalogProductDetailFragment,
  UpdateProductInput,
} from '@marketgate/graphql-client';
import { problemsOf, requiredText, type FieldProblem, type FieldProblems } from './field-problems';
import type { NameValueDraft } from './variant-draft';

/** A product's own fields as its form holds them; image URLs one per line. */
export interface ProductDraft {
  name: string;
  slug: string;
  categoryId: string;
  description: string;
  attributes: NameValueDraft[];
  imageUrls: string;
}

/** The limits the gateway checks a product's input against. */
export const productLimits = {
  name: 200,
  slug: 200,
  description: 20_000,
  attributes: 50,
  attributeName: 100,
  attributeValue: 500,
  imageUrls: 20,
} as const;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const URL = /^https?:\/\/[^\s/?#]+\.[^\s]+$/i;

export function draftFromProduct(product: SellerCatalogProductDetailFragment | null): ProductDraft {
  return {
    name: product?.name ?? '',
    slug: product?.slug ?? '',
    categoryId: product?.category.id ?? '',
    description: product?.description ?? '',
    attributes: product?.attributes.map(({ name, value }) => ({ name, value })) ?? [],
    imageUrls: product?.imageUrls.join('\n') ?? '',
  };
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** A slug may be left empty on a new product: the gateway then derives it from the name. */
function slugProblem(slug: string, required: boolean): FieldProblem | null {
  const value = slug.trim();
  if (!value) return required ? { key: 'required', missing: true } : null;
  if (value.length > productLimits.slug)
    return { key: 'tooLong', params: { max: productLimits.slug } };
  return SLUG.test(value) ? null : { key: 'slug' };
}

/**
 * The draft's problems by the field's path in the product's input (`name`, `attributes.0.value`,
 * `imageUrls`), the paths the gateway names when it refuses input.
 */
export function checkProduct(draft: ProductDraft, creating: boolean): FieldProblems {
  const urls = lines(draft.imageUrls);
  const badUrl = urls.find((url) => !URL.test(url));
  const problems: Record<string, FieldProblem | null> = {
    name: requiredText(draft.name, productLimits.name),
    slug: slugProblem(draft.slug, !creating),
    categoryId: draft.categoryId ? null : { key: 'required', missing: true },
    description:
      draft.description.length > productLimits.description
        ? { key: 'tooLong', params: { max: productLimits.description } }
        : null,
    imageUrls:
      urls.length > productLimits.imageUrls
        ? { key: 'tooMany', params: { max: productLimits.imageUrls } }
        : badUrl
          ? { key: 'url', params: { url: badUrl } }
          : null,
  };
  draft.attributes.forEach((attribute, i) => {
    problems[`attributes.${i}.name`] = requiredText(attribute.name, productLimits.attributeName);
    problems[`attributes.${i}.value`] = requiredText(attribute.value, productLimits.attributeValue);
  });
  return problemsOf(problems);
}

/** A new product needs a name and a category; the rest is filled in on its editor. */
export function toCreateInput(draft: ProductDraft): CreateProductInput | null {
  if (Object.keys(checkProduct(draft, true)).length > 0) return null;
  return {
    name: draft.name.trim(),
    categoryId: draft.categoryId,
    slug: draft.slug.trim() || null,
  };
}

/** Every field of the product, as the form shows them. */
export function toUpdateInput(draft: ProductDraft): Omit<UpdateProductInput, 'id'> | null {
  if (Object.keys(checkProduct(draft, false)).length > 0) return null;
  return {
    name: draft.name.trim(),
    slug: draft.slug.trim(),
    categoryId: draft.categoryId,
    description: draft.description,
    attributes: draft.attributes.map((a) => ({ name: a.name.trim(), value: a.value.trim() })),
    imageUrls: lines(draft.imageUrls),
  };
}
