import {
  AcceptInvitationDocument,
  createMarketgateClient,
  type InvitationInvalidReason,
  LoginDocument,
  LogoutDocument,
  MeDocument,
  type SessionUserFragment,
} from '@marketgate/graphql-client';
import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import { fieldErrorsOf } from '../shared/input-errors';

const tokenKey = 'marketgate.portal.token';

export type LoginOutcome =
  | { kind: 'signed-in' }
  | { kind: 'invalid-credentials' }
  | { kind: 'too-many-attempts'; retryAfterSeconds: number }
  | { kind: 'failed' };

export type AcceptInvitationOutcome =
  | { kind: 'signed-in' }
  | { kind: 'invitation-invalid'; reason: InvitationInvalidReason }
  | { kind: 'email-taken' }
  /** The gateway refused these input fields (`name`, `password`), by field. */
  | { kind: 'refused'; fields: Record<string, string> }
  | { kind: 'failed' };

/** The signed-in user and their bearer token, kept in localStorage across visits. */
export const useSessionStore = defineStore('session', () => {
  const token = ref<string | null>(localStorage.getItem(tokenKey));
  const user = ref<SessionUserFragment | null>(null);

  /**
   * Prices depend on who asks, so each session gets a client of its own: signing in or out
   * starts from an empty cache and every query on screen runs again for the new viewer.
   */
  const client = computed(() => createMarketgateClient({ token: token.value }));

  let restoring: Promise<void> | null = null;

  const isSignedIn = computed(() => token.value !== null);
  const membership = computed(() => user.value?.memberships[0] ?? null);

  watch(token, (value) => {
    if (value) localStorage.setItem(tokenKey, value);
    else localStorage.removeItem(tokenKey);
  });

  function forget(): void {
    token.value = null;
    user.value = null;
  }

  async function login(email: string, password: string): Promise<LoginOutcome> {
    const { data, error } = await client.value
      .mutation(LoginDocument, { input: { email, password } })
      .toPromise();
    const result = data?.login;
    if (error || !result) return { kind: 'failed' };
    switch (result.__typename) {
      case 'AuthPayload':
        await signInAs(result);
        return { kind: 'signed-in' };
      case 'InvalidCredentialsError':
        return { kind: 'invalid-credentials' };
      case 'TooManyAttemptsError':
        return { kind: 'too-many-attempts', retryAfterSeconds: result.retryAfterSeconds };
    }
  }

  async function signInAs(payload: { token: string; user: SessionUserFragment }): Promise<void> {
    token.value = payload.token;
    // The login response is made before the gateway knows the viewer, so fields only shown
    // to yourself (memberships) come back empty there: ask again as the signed-in user.
    user.value = (await fetchMe()) ?? payload.user;
    restoring = Promise.resolve();
  }

  /** Makes the invited account and signs in as it, in place of whoever was signed in. */
  async function acceptInvitation(input: {
    token: string;
    name: string;
    password: string;
  }): Promise<AcceptInvitationOutcome> {
    const { data, error } = await client.value
      .mutation(AcceptInvitationDocument, { input })
      .toPromise();
    const result = data?.acceptInvitation;
    const fields = fieldErrorsOf(error);
    if (fields) return { kind: 'refused', fields };
    if (error || !result) return { kind: 'failed' };
    switch (result.__typename) {
      case 'AuthPayload':
        await signInAs(result);
        return { kind: 'signed-in' };
      case 'InvitationInvalidError':
        return { kind: 'invitation-invalid', reason: result.reason };
      case 'EmailTakenError':
        return { kind: 'email-taken' };
    }
  }

  /** Signs out on the gateway; the token is forgotten here even if the gateway is unreachable. */
  async function logout(): Promise<void> {
    await client.value.mutation(LogoutDocument, {}).toPromise();
    forget();
  }

  /** The signed-in user; null if the token is not accepted, undefined if the request failed. */
  async function fetchMe(): Promise<SessionUserFragment | null | undefined> {
    const { data, error } = await client.value
      .query(MeDocument, {}, { requestPolicy: 'network-only' })
      .toPromise();
    return error ? undefined : (data?.me ?? null);
  }

  /**
   * Loads the user behind a saved token, once. A token the gateway no longer accepts is dropped;
   * after a failed request the token is kept and the next navigation tries again.
   */
  function restore(): Promise<void> {
    restoring ??= (async () => {
      if (!token.value) return;
      const me = await fetchMe();
      if (me) user.value = me;
      else if (me === null) forget();
      else restoring = null;
    })();
    return restoring;
  }

  return {
    token,
    user,
    client,
    isSignedIn,
    membership,
    login,
    acceptInvitation,
    logout,
    restore,
  };
});
