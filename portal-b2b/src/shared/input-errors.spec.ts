import { describe, expect, it } from 'vitest';
import { fieldErrorsOf, inputErrorsByPath } from './input-errors';

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
      carrier: 'must not be empty is too short',
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
      validUntil: 'must be in the future is required',
    });
  });

  it('answers null for other failures', () => {
    expect(inputErrorsByPath(undefined)).toBeNull();
    expect(
      inputErrorsByPath({ graphQLErrors: [{ extensions: { code: 'FORBIDDEN' } }] }),
    ).toBeNull();
  });
});
