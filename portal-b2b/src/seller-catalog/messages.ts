const en = {};

export type SellerCatalogMessages = typeof en;

const zhCN: SellerCatalogMessages = {};

/** The seller-catalog screens' texts, under `sellerCatalog` in the portal's messages. */
export const sellerCatalogMessages = { en, zhCN };
