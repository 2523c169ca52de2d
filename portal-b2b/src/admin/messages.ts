const en = {};

export type AdminMessages = typeof en;

const zhCN: AdminMessages = {};

/** The admin screens' texts, under `admin` in the portal's messages. */
export const adminMessages = { en, zhCN };
