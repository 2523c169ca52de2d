const en = {};

export type QuotesMessages = typeof en;

const zhCN: QuotesMessages = {};

/** The quotes screens' texts, under `quotes` in the portal's messages. */
export const quotesMessages = { en, zhCN };
