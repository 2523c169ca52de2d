const en = {};

export type RequestsMessages = typeof en;

const zhCN: RequestsMessages = {};

/** The requests screens' texts, under `requests` in the portal's messages. */
export const requestsMessages = { en, zhCN };
