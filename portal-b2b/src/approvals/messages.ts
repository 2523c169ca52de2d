const en = {};

export type ApprovalsMessages = typeof en;

const zhCN: ApprovalsMessages = {};

/** The approvals and billing screens' texts, under `approvals` in the portal's messages. */
export const approvalsMessages = { en, zhCN };
