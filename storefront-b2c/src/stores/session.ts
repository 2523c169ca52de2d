import {
  createMarketgateClient,
  LoginDocument,
  LogoutDocument,
  MeDocument,
  RegisterDocument,
  type SessionUserFragment,
} from '@marketgate/graphql-client';
import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';

const tokenKey = 'marketgate.storefront.token';

export type SignInOutcome =
  | { kind: 'signed-in' }
  | { kind: 'invalid-credentials' }
  | { kind: 'too-many-attempts'; retryAfterSeconds: number }
  | { kind: 'email-taken' }
  | { kind: 'failed' };

export interface Credentials {
  email: string;
  password: string;
  /** The guest cart to merge into the account's cart. */
  cartToken: string | null;
}

/** The signed-in consumer and their bearer token, kept in localStorage across visits. */
export const useSessionStore = defineStore('session', () => {
  const token = ref<string | null>(localStorage.getItem(tokenKey));
  const user = ref<SessionUserFragment | null>(null);

  /**
   * What a page shows depends on who asks (their cart, their orders), so each session gets a
   * client of its own: signing in or out starts from an empty cache.
   */
  const client = computed(() => createMarketgateClient({ token: token.value }));

  let restoring: Promise<void> | null = null;

  const isSignedIn = computed(() => token.value !== null);

  watch(token, (value) => {
    if (value) localStorage.setItem(tokenKey, value);
    else localStorage.removeItem(tokenKey);
  });

  function forget(): void {
    token.value = null;
    user.value = null;
  }

  function signedIn(newToken: string, newUser: SessionUserFragment): SignInOutcome {
    token.value = newToken;
    user.value = newUser;
    restoring = Promise.resolve();
    return { kind: 'signed-in' };
  }

  async function login(credentials: Credentials): Promise<SignInOutcome> {
    const { data, error } = await client.value
      .mutation(LoginDocument, { input: credentials })
      .toPromise();
    const result = data?.login;
    if (error || !result) return { kind: 'failed' };
    switch (result.__typename) {
      case 'AuthPayload':
        return signedIn(result.token, result.user);
      case 'InvalidCredentialsError':
        return { kind: 'invalid-credentials' };
      case 'TooManyAttemptsError':
        return { kind: 'too-many-attempts', retryAfterSeconds: result.retryAfterSeconds };
    }
  }

  async function register(credentials: Credentials & { name: string }): Promise<SignInOutcome> {
    const { data, error } = await client.value
      .mutation(RegisterDocument, { input: credentials })
      .toPromise();
    const result = data?.register;
    if (error || !result) return { kind: 'failed' };
    switch (result.__typename) {
      case 'AuthPayload':
        return signedIn(result.token, result.user);
      case 'EmailTakenError':
        return { kind: 'email-taken' };
    }
  }

  /** Signs out on the gateway; the token is forgotten here even if the gateway is unreachable. */
  async function logout(): Promise<void> {
    await client.value.mutation(LogoutDocument, {}).toPromise();
    forget();
  }

  /**
   * Loads the user behind a saved token, once. A token the gateway no longer accepts is dropped;
   * after a failed request the token is kept and the next navigation tries again.
   */
  function restore(): Promise<void> {
    restoring ??= (async () => {
      if (!token.value) return;
      const { data, error } = await client.value
        .query(MeDocument, {}, { requestPolicy: 'network-only' })
        .toPromise();
      if (error) restoring = null;
      else if (data?.me) user.value = data.me;
      else forget();
    })();
    return restoring;
  }

  return { token, user, client, isSignedIn, login, register, logout, restore };
});
