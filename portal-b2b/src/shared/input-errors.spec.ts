import { createMarketgateI18n } from '@marketgate/ui';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { fieldErrorsOf, inputErrorsByPath } from './input-errors';

const refused = (fields: unknown[]) => ({
  graphQLErrors: [{ extensions: { code: 'BAD_USER_INPUT', fields } }],
});

describe('fieldErrorsOf', () => {
  it('puts the gateway’s input errors on the fields they concern', () => {
    const error = {
      graphQLErrors: [
        {
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [
              { path: 'trackingNumber', messages: ['must be 4 to 60 letters, digits or dashes'] },
              { path: 'input.carrier', messages: ['must not be empty', 'is too short'] },
            ],
          },
        },
      ],
    };
    expect(fieldErrorsOf(error)).toEqual({
      trackingNumber: 'must be 4 to 60 letters, digits or dashes',
      carrier: 'must not be empty; is too short',
    });
  });

  it('answers null for other failures', () => {
    expect(fieldErrorsOf(undefined)).toBeNull();
    expect(fieldErrorsOf({ graphQLErrors: [] })).toBeNull();
    expect(fieldErrorsOf({ graphQLErrors: [{ extensions: { code: 'FORBIDDEN' } }] })).toBeNull();
    expect(
      fieldErrorsOf({ graphQLErrors: [{ extensions: { code: 'BAD_USER_INPUT' } }] }),
    ).toBeNull();
  });
});

describe('inputErrorsByPath', () => {
  it('keeps the whole path of each refused field, without the argument’s name', () => {
    const error = {
      graphQLErrors: [
        {
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [
              { path: 'input.lines.0.unitPrice', messages: ['must be positive'] },
              { path: 'validUntil', messages: ['must be in the future', 'is required'] },
            ],
          },
        },
      ],
    };
    expect(inputErrorsByPath(error)).toEqual({
      'lines.0.unitPrice': 'must be positive',
      validUntil: 'must be in the future; is required',
    });
  });

  it('answers null for other failures', () => {
    expect(inputErrorsByPath(undefined)).toBeNull();
    expect(
      inputErrorsByPath({ graphQLErrors: [{ extensions: { code: 'FORBIDDEN' } }] }),
    ).toBeNull();
  });
});

describe('translated input errors', () => {
  const error = refused([
    {
      path: 'input.name',
      messages: ['name must be longer than or equal to 2 characters'],
      problems: [{ code: 'LENGTH', params: { min: 2, max: 200 } }],
    },
    {
      path: 'input.lines.0.quantity',
      messages: ['quantity must not be less than 1', 'quantity must be an integer number'],
      problems: [
        { code: 'MIN', params: { min: 1 } },
        { code: 'INTEGER', params: {} },
      ],
    },
    {
      path: 'input.validUntil',
      messages: ['validUntil must be in the future'],
      problems: [{ code: 'A_CODE_FROM_A_NEWER_GATEWAY', params: {} }],
    },
  ]);

  it('says each problem in the reader’s language, with its parameters', () => {
    createMarketgateI18n(messages, 'zh-CN');
    expect(fieldErrorsOf(error)).toEqual({
      name: '须为 2 到 200 个字符',
      quantity: '不能小于 1; 须为整数',
      validUntil: 'validUntil must be in the future',
    });
    const english = createMarketgateI18n(messages, 'en');
    expect(inputErrorsByPath(error)).toEqual({
      name: '2 to 200 characters',
      'lines.0.quantity': 'At least 1; Must be a whole number',
      validUntil: 'validUntil must be in the future',
    });
    english.global.locale.value = 'zh-CN';
    expect(inputErrorsByPath(error)?.name).toBe('须为 2 到 200 个字符');
  });

  it('keeps the gateway’s English message for a code it has no text for, or none', () => {
    createMarketgateI18n(messages, 'zh-CN');
    expect(
      fieldErrorsOf(
        refused([
          { path: 'reason', messages: ['Say why'], problems: [{ code: 'NEWER', params: {} }] },
          { path: 'note', messages: ['is odd'] },
        ]),
      ),
    ).toEqual({ reason: 'Say why', note: 'is odd' });
  });
});
