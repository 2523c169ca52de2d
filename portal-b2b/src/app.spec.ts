import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  buyer,
  categoriesData,
  loginData,
  productData,
  productsData,
  renderApp,
} from './test-utils';

let current: VueWrapper | undefined;

afterEach(() => {
  current?.unmount();
  current = undefined;
  vi.unstubAllGlobals();
  localStorage.clear();
});

/** A gateway whose prices and `me` depend on the bearer token, like the real one. */
function gatewayHandlers(login: Parameters<typeof loginData>[0] = 'ok') {
  const signedIn = (request: { headers: Headers }) =>
    request.headers.get('authorization') === 'Bearer token-1';
  return {
    Login: () => loginData(login),
    Logout: () => ({ logout: true }),
    Me: (_: unknown, request: { headers: Headers }) => ({ me: signedIn(request) ? buyer : null }),
    Categories: () => categoriesData,
    ProductsPage: (_: unknown, request: { headers: Headers }) => productsData(signedIn(request)),
    ProductBySlug: (variables: Record<string, unknown>) =>
      productData(variables.quantity as number),
  };
}

async function render(path: string, handlers = gatewayHandlers()) {
  const rendered = await renderApp(path, handlers);
  current = rendered.wrapper;
  return rendered;
}

async function signIn(wrapper: VueWrapper, password = 'demo-pass-123') {
  await wrapper.get('input[type="email"]').setValue('buyer@acme.example');
  await wrapper.get('input[type="password"]').setValue(password);
  await wrapper.get('form').trigger('submit');
}

describe('signing in', () => {
  it('sends visitors to the login screen, then back where they were going', async () => {
    const { wrapper, router } = await render('/c/paper');
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('login'));
    expect(router.currentRoute.value.query.redirect).toBe('/c/paper');

    await signIn(wrapper);
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/c/paper'));
    expect(localStorage.getItem('marketgate.portal.token')).toBe('token-1');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="session-user"]').text()).toContain('Acme Trading Co.'),
    );
    await vi.waitFor(() => expect(wrapper.text()).toContain('Volume price'));
    expect(wrapper.text()).toContain('CN¥27.00');
  });

  it.each([
    ['invalid', 'The email or password is not correct.'],
    ['throttled', 'Too many attempts. Try again in 42 seconds.'],
  ] as const)('explains a %s login', async (kind, message) => {
    const { wrapper, router } = await render('/login', gatewayHandlers(kind));
    await vi.waitFor(() => expect(wrapper.find('form').exists()).toBe(true));
    await signIn(wrapper, 'wrong');
    await vi.waitFor(() => expect(wrapper.get('[data-testid="login-error"]').text()).toBe(message));
    expect(router.currentRoute.value.name).toBe('login');
    expect(localStorage.getItem('marketgate.portal.token')).toBeNull();
  });

  it('drops a saved token the gateway no longer accepts', async () => {
    localStorage.setItem('marketgate.portal.token', 'expired');
    const { router } = await render('/');
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('login'));
    expect(localStorage.getItem('marketgate.portal.token')).toBeNull();
  });

  it('signs out and forgets the token', async () => {
    localStorage.setItem('marketgate.portal.token', 'token-1');
    const { wrapper, router, gateway } = await render('/');
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="session-user"]').exists()).toBe(true),
    );

    const signOut = wrapper.findAll('button').find((b) => b.text() === 'Sign out');
    await signOut?.trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('login'));
    expect(gateway.requests.some((r) => r.operationName === 'Logout')).toBe(true);
    expect(localStorage.getItem('marketgate.portal.token')).toBeNull();
  });
});

describe('product page', () => {
  it('shows the volume price and its tier for the chosen quantity', async () => {
    localStorage.setItem('marketgate.portal.token', 'token-1');
    const { wrapper } = await render('/p/copy-paper');
    const offer = () => wrapper.get('[data-testid="product-price"]').text();
    await vi.waitFor(() => expect(offer()).toContain('List price'));
    expect(offer()).toContain('CN¥30.00');

    await wrapper.get('button[aria-label="Price for 10 units"]').trigger('click');
    await vi.waitFor(() => expect(offer()).toContain('Volume price'));
    expect(offer()).toContain('CN¥27.00');
    expect(offer()).toContain('CN¥270.00');
    expect(wrapper.get('tr[aria-current="true"]').text()).toContain('10+');
  });
});
