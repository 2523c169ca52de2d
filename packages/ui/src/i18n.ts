import { watch } from 'vue';
import { createI18n } from 'vue-i18n';
import { uiMessages, type UiMessages } from './messages';

export const supportedLocales = ['zh-CN', 'en'] as const;
export type SupportedLocale = (typeof supportedLocales)[number];

/** Each language named in itself, as a language switcher shows it. */
export const localeNames: Record<SupportedLocale, string> = { 'zh-CN': '中文', en: 'English' };

const storageKey = 'marketgate.locale';

export function isSupportedLocale(value: unknown): value is SupportedLocale {
  return supportedLocales.includes(value as SupportedLocale);
}

/** The visitor's saved choice, else the first browser language we support, else English. */
export function detectLocale(
  preferred: readonly string[] = navigator.languages,
  saved: string | null = localStorage.getItem(storageKey),
): SupportedLocale {
  if (isSupportedLocale(saved)) return saved;
  for (const tag of preferred) {
    const language = tag.toLowerCase().split('-')[0];
    if (language === 'zh') return 'zh-CN';
    if (language === 'en') return 'en';
  }
  return 'en';
}

/** What a plain function (not a component) needs to say something in the reader's language. */
interface Translator {
  t(key: string, named: Record<string, unknown>): string;
  te(key: string): boolean;
}

let appTranslator: Translator | null = null;

/**
 * The texts of the app's i18n instance in its current language, for code outside components
 * (turning a gateway refusal into text); null before the app made one. An app makes one.
 */
export function appTranslation(): Translator | null {
  return appTranslator;
}

/**
 * Creates the app's i18n instance (Composition API mode) with the shared UI texts merged in.
 * The chosen locale is remembered and mirrored on `<html lang>` for assistive technology.
 */
export function createMarketgateI18n<AppMessages extends Record<string, unknown>>(
  messages: Record<SupportedLocale, AppMessages>,
  locale: SupportedLocale = detectLocale(),
) {
  const merged = Object.fromEntries(
    supportedLocales.map((code) => [code, { ...uiMessages[code], ...messages[code] }]),
  ) as Record<SupportedLocale, UiMessages & AppMessages>;
  const i18n = createI18n<[UiMessages & AppMessages], SupportedLocale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: merged,
  });
  appTranslator = {
    t: (key, named) => i18n.global.t(key, named),
    te: (key) => i18n.global.te(key),
  };
  watch(
    i18n.global.locale,
    (current) => {
      localStorage.setItem(storageKey, current);
      document.documentElement.lang = current;
    },
    { immediate: true },
  );
  return i18n;
}
