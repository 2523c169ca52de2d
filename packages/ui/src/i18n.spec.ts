import { describe, expect, it } from 'vitest';
import { detectLocale } from './i18n';

describe('detectLocale', () => {
  it('prefers a saved choice', () => {
    expect(detectLocale(['en-US'], 'zh-CN')).toBe('zh-CN');
  });

  it('takes the first supported browser language', () => {
    expect(detectLocale(['fr-FR', 'zh-TW', 'en'], null)).toBe('zh-CN');
    expect(detectLocale(['de', 'en-GB'], 'xx')).toBe('en');
  });

  it('falls back to English', () => {
    expect(detectLocale(['ja-JP'], null)).toBe('en');
  });
});
