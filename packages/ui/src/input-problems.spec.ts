import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createMarketgateI18n } from './i18n';
import { inputProblemText } from './input-problems';
import { uiMessages } from './messages';

/** The codes the gateway can send: its InputProblemCode enum, as the committed SDL publishes it. */
function gatewayCodes(): string[] {
  const sdl = readFileSync(
    fileURLToPath(import.meta.resolve('../../../gateway/schema.graphql')),
    'utf8',
  );
  const codes = buildSchema(sdl).getType('InputProblemCode');
  if (!(codes instanceof GraphQLEnumType)) throw new Error('InputProblemCode is not an enum');
  return codes.getValues().map((value) => value.name);
}

describe('input problem texts', () => {
  it('say every code the gateway can send, in English and in Chinese', () => {
    const codes = gatewayCodes();
    expect(codes.length).toBeGreaterThan(40);
    for (const locale of ['en', 'zh-CN'] as const) {
      const texts: Record<string, string> = uiMessages[locale].ui.inputProblem;
      expect(
        codes.filter((code) => !texts[code]?.trim()),
        locale,
      ).toEqual([]);
      expect(Object.keys(texts).sort(), locale).toEqual([...codes].sort());
    }
  });
});

describe('inputProblemText', () => {
  it('shows the gateway’s English message until the app has its texts', () => {
    expect(inputProblemText({ code: 'MAX_LENGTH', params: { max: 5 }, message: 'too long' })).toBe(
      'too long',
    );
  });

  it('translates a code with its parameters, as an object or a name/value list', () => {
    const i18n = createMarketgateI18n({ en: {}, 'zh-CN': {} }, 'zh-CN');
    const message = 'must be from 2 to 100';
    expect(inputProblemText({ code: 'RANGE', params: { min: 2, max: 100 }, message })).toBe(
      '须在 2 到 100 之间',
    );
    expect(
      inputProblemText({
        code: 'RANGE',
        params: [
          { name: 'min', value: '2' },
          { name: 'max', value: '100' },
        ],
        message,
      }),
    ).toBe('须在 2 到 100 之间');
    i18n.global.locale.value = 'en';
    expect(inputProblemText({ code: 'RANGE', params: { min: 2, max: 100 }, message })).toBe(
      'From 2 to 100',
    );
    expect(inputProblemText({ code: 'REQUIRED', message: 'is required' })).toBe('Required');
  });

  it('names the entry of a list the problem concerns', () => {
    createMarketgateI18n({ en: {}, 'zh-CN': {} }, 'zh-CN');
    expect(
      inputProblemText({
        code: 'URL',
        params: [{ name: 'entry', value: 'ftp://x' }],
        message: 'image_urls must be http(s) URLs joined by "|": ftp://x is not',
      }),
    ).toBe('ftp://x: 须为 http(s) 网址');
  });

  it('falls back to the English message for a code it has no text for', () => {
    createMarketgateI18n({ en: {}, 'zh-CN': {} }, 'zh-CN');
    expect(inputProblemText({ code: 'SOMETHING_NEW', params: {}, message: 'is odd' })).toBe(
      'is odd',
    );
  });
});
