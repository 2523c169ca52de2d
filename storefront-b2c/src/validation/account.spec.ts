import { describe, expect, it } from 'vitest';
import { validateLogin, validateRegistration } from './account';

describe('validateLogin', () => {
  it('asks for both fields', () => {
    expect(validateLogin({ email: ' ', password: '' })).toEqual({
      email: 'required',
      password: 'required',
    });
    expect(validateLogin({ email: 'a@b.example', password: 'x' })).toEqual({});
  });
});

describe('validateRegistration', () => {
  it('follows the gateway rules for email, name and password', () => {
    expect(
      validateRegistration({ email: 'a@b.example', name: 'Alice', password: '0123456789' }),
    ).toEqual({});
    expect(validateRegistration({ email: 'nope', name: '', password: 'short' })).toEqual({
      email: 'email',
      name: 'required',
      password: 'password',
    });
    expect(
      validateRegistration({
        email: 'a@b.example',
        name: 'x'.repeat(101),
        password: 'p'.repeat(201),
      }),
    ).toEqual({ name: 'name', password: 'password' });
  });
});
