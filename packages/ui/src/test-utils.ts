import { RouterLinkStub, type MountingOptions } from '@vue/test-utils';
import { createMarketgateI18n, type SupportedLocale } from './i18n';

/** Mounting options with the shared i18n texts and a stubbed router link. */
export function withPlugins(locale: SupportedLocale = 'en') {
  const i18n = createMarketgateI18n({ en: {}, 'zh-CN': {} }, locale);
  const global: MountingOptions<unknown>['global'] = {
    plugins: [i18n],
    stubs: { RouterLink: RouterLinkStub },
  };
  return { i18n, global };
}
