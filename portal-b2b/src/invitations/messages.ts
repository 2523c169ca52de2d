import type { InvitationInvalidReason } from '@marketgate/graphql-client';

const en = {
  link: {
    label: 'Invitation link for {email}',
    copy: 'Copy link',
    copied: 'Link copied.',
    copyFailed: 'Copying did not work: the link is selected, copy it with Ctrl+C (⌘C on a Mac).',
    hint: 'Send it to {email} yourself: there is no email from Marketgate. It is shown only now and works once, until {date}.',
  },
  accept: {
    title: 'Your invitation',
    loading: 'Looking up the invitation…',
    loadFailed: 'The invitation could not be loaded. Check your connection and try again.',
    joinCompany: 'Join {name} on Marketgate',
    joinSeller: 'Join the staff of {name} on Marketgate',
    intro: 'Set your name and a password to make your account. You are signed in right away.',
    email: 'Your account',
    roles: 'Your roles',
    department: 'Department',
    staff: 'Seller staff: orders, quotes, contracts and catalog of the shop',
    expires: 'Valid until',
    name: 'Your name',
    nameHint: 'How colleagues and business partners see you.',
    password: 'Password',
    passwordHint: 'At least 10 characters.',
    repeat: 'Password again',
    nameRequired: 'Enter your name.',
    nameTooLong: 'Use at most 100 characters.',
    passwordLength: 'Use 10 to 200 characters.',
    repeatDiffers: 'The two passwords differ.',
    nameRefused: 'The gateway did not accept this name.',
    passwordRefused: 'The gateway did not accept this password: use 10 to 200 characters.',
    submit: 'Accept and sign in',
    submitting: 'Making your account…',
    signedInAs:
      'You are signed in as {name}. Accepting signs you in as the new account for {email} instead.',
    emailTaken:
      'An account for {email} exists already. Sign in with it and ask whoever invited you to add that account.',
    failed: 'That did not go through. Check your connection and try again.',
    signIn: 'Go to sign in',
    invalid: {
      UNKNOWN: {
        title: 'This invitation link does not work',
        hint: 'Check that you opened the whole link, or ask whoever invited you for a new one.',
      },
      EXPIRED: {
        title: 'This invitation has expired',
        hint: 'Ask whoever invited you for a new one.',
      },
      USED: {
        title: 'This invitation has been accepted already',
        hint: 'Sign in with the account made for it. If that was not you, tell whoever invited you.',
      },
    } satisfies Record<InvitationInvalidReason, { title: string; hint: string }>,
  },
};

export type InvitationsMessages = typeof en;

const zhCN: InvitationsMessages = {
  link: {
    label: '给 {email} 的邀请链接',
    copy: '复制链接',
    copied: '链接已复制。',
    copyFailed: '复制未成功：链接已选中，请按 Ctrl+C（Mac 上按 ⌘C）复制。',
    hint: 'Marketgate 不会发送邮件，请自行发给 {email}。链接仅在此显示一次，只能使用一次，有效期至 {date}。',
  },
  accept: {
    title: '您的邀请',
    loading: '正在查询邀请…',
    loadFailed: '无法加载邀请，请检查网络后重试。',
    joinCompany: '加入 Marketgate 上的 {name}',
    joinSeller: '成为 Marketgate 上 {name} 的员工',
    intro: '设置姓名和密码即可创建账号，完成后立即登录。',
    email: '您的账号',
    roles: '您的角色',
    department: '部门',
    staff: '商家员工：处理店铺的订单、报价、合同和商品',
    expires: '有效期至',
    name: '姓名',
    nameHint: '同事和合作伙伴看到的名字。',
    password: '密码',
    passwordHint: '至少 10 个字符。',
    repeat: '再次输入密码',
    nameRequired: '请输入姓名。',
    nameTooLong: '最多 100 个字符。',
    passwordLength: '请使用 10 到 200 个字符。',
    repeatDiffers: '两次输入的密码不一致。',
    nameRefused: '网关未接受该姓名。',
    passwordRefused: '网关未接受该密码：请使用 10 到 200 个字符。',
    submit: '接受并登录',
    submitting: '正在创建账号…',
    signedInAs: '您当前以 {name} 的身份登录。接受后将改为以 {email} 的新账号登录。',
    emailTaken: '{email} 已有账号。请用该账号登录，并请邀请人把该账号加进来。',
    failed: '操作未成功，请检查网络后重试。',
    signIn: '去登录',
    invalid: {
      UNKNOWN: {
        title: '此邀请链接无效',
        hint: '请确认打开的是完整链接，或请邀请人重新发送邀请。',
      },
      EXPIRED: {
        title: '此邀请已过期',
        hint: '请联系邀请人重新邀请。',
      },
      USED: {
        title: '此邀请已被接受',
        hint: '请使用为此邀请创建的账号登录。如果不是您本人接受的，请告知邀请人。',
      },
    },
  },
};

/** The invitation screens' texts, under `invitations` in the portal's messages. */
export const invitationsMessages = { en, zhCN };
