const en = {};

export type ContractsMessages = typeof en;

const zhCN: ContractsMessages = {};

/** The contracts screens' texts, under `contracts` in the portal's messages. */
export const contractsMessages = { en, zhCN };
