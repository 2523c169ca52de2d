import { describe, expect, it } from 'vitest';
import {
  checkProduct,
  draftFromProduct,
  toCreateInput,
  toUpdateInput,
  type ProductDraft,
} from './product-draft';

const draft: ProductDraft = {
  name: ' Copy Paper ',
  slug: ' copy-paper ',
  categoryId: '2',
  description: 'A4, 80 g/m².',
  attributes: [{ name: ' Brand ', value: ' Acme ' }],
  imageUrls: 'https://img.example/a.jpg\n\n  https://img.example/b.jpg  \n',
};

describe('product drafts', () => {
  it('creates a product from a name and a category, the slug left to the gateway', () => {
    expect(
      toCreateInput({ ...draftFromProduct(null), name: 'Copy Paper', categoryId: '2' }),
    ).toEqual({ name: 'Copy Paper', categoryId: '2', slug: null });
    expect(checkProduct(draftFromProduct(null), true)).toEqual({
      name: { key: 'required', missing: true },
      categoryId: { key: 'required', missing: true },
    });
  });

  it('sends every field of an edited product, image addresses one per line', () => {
    expect(toUpdateInput(draft)).toEqual({
      name: 'Copy Paper',
      slug: 'copy-paper',
      categoryId: '2',
      description: 'A4, 80 g/m².',
      attributes: [{ name: 'Brand', value: 'Acme' }],
      imageUrls: ['https://img.example/a.jpg', 'https://img.example/b.jpg'],
    });
  });

  it('names the problems by their path in the input', () => {
    expect(
      checkProduct(
        {
          ...draft,
          slug: '',
          imageUrls: 'https://img.example/a.jpg\nftp://img.example/b.jpg',
          attributes: [{ name: 'Brand', value: '' }],
        },
        false,
      ),
    ).toEqual({
      slug: { key: 'required', missing: true },
      imageUrls: { key: 'url', params: { url: 'ftp://img.example/b.jpg' } },
      'attributes.0.value': { key: 'required', missing: true },
    });
    expect(checkProduct({ ...draft, slug: 'Copy Paper' }, true)).toEqual({ slug: { key: 'slug' } });
  });
});
