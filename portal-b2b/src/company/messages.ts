const en = {};

export type CompanyMessages = typeof en;

const zhCN: CompanyMessages = {};

/** The company screens' texts, under `company` in the portal's messages. */
export const companyMessages = { en, zhCN };
