import { describe, expect, it } from 'vitest';
import { httpUrl } from './http-url';

describe('httpUrl', () => {
  it('keeps absolute http and https URLs', () => {
    expect(httpUrl('https://shop.example/sale')).toBe('https://shop.example/sale');
    expect(httpUrl('http://shop.example')).toBe('http://shop.example');
  });

  it('drops other schemes, relative and malformed URLs', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,x', '/sale', 'not a url', '', null]) {
      expect(httpUrl(url)).toBeNull();
    }
  });
});
