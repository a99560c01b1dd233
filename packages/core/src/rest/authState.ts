import { ErrorCode, type UserDto } from '@smartc/protocol';
import { errorFromCode, isSmaRTCError, type SmaRTCError } from '../errors.js';
import type { AuthMode, TokenProvider } from './httpClient.js';
import type { StoredAuth, TokenStorage } from './tokenStorage.js';

/** A token source of apps with their own auth (see `SmaRTCApiOptions.getToken`). */
export type GetToken = () => string | undefined | null | Promise<string | undefined | null>;

/** Longest delay `setTimeout` accepts (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

function expiryOf(auth: StoredAuth): number {
  const ms = Date.parse(auth.expiresAt);
  return Number.isNaN(ms) ? 0 : ms;
}

/**
 * The signed-in state: the stored login (dropped at its `expiresAt`, or when the server rejects it)
 * and an optional app-supplied token source. Tells listeners when the user changes.
 * @internal
 */
export class AuthState implements TokenProvider {
  readonly #storage: TokenStorage;
  readonly #getToken: GetToken | undefined;
  readonly #onChange: (user: UserDto | null) => void;
  #current: StoredAuth | undefined;
  /** Set when the stored login expired, until the next login or logout: calls then fail with AUTH_TOKEN_EXPIRED. */
  #expired = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    storage: TokenStorage,
    getToken: GetToken | undefined,
    onChange: (user: UserDto | null) => void,
  ) {
    this.#storage = storage;
    this.#getToken = getToken;
    this.#onChange = onChange;
    let stored: StoredAuth | undefined;
    try {
      stored = storage.get();
    } catch {
      stored = undefined;
    }
    if (stored && expiryOf(stored) <= Date.now()) {
      this.#safely(() => storage.clear());
      this.#expired = true;
    } else {
      this.#current = stored;
      this.#arm();
    }
  }

  /** The signed-in user of the stored login (not of `getToken`), or `null`. */
  get user(): UserDto | null {
    return this.#valid()?.user ?? null;
  }

  /** The stored login, when it has not expired. */
  get auth(): StoredAuth | undefined {
    return this.#valid();
  }

  /** Stores a fresh login and announces its user. */
  signIn(auth: StoredAuth): void {
    this.#current = auth;
    this.#expired = false;
    this.#safely(() => this.#storage.set(auth));
    this.#arm();
    this.#onChange(auth.user);
  }

  /** Updates the stored user (e.g. after `me()` shows a new role); announces it when it changed. */
  updateUser(user: UserDto): void {
    const current = this.#valid();
    if (!current) return;
    const before = current.user;
    if (before.id === user.id && before.username === user.username && before.role === user.role) return;
    this.#current = { ...current, user };
    this.#safely(() => this.#storage.set(this.#current as StoredAuth));
    this.#onChange(user);
  }

  /** Forgets the stored login. `expired` makes later authenticated calls fail with AUTH_TOKEN_EXPIRED. */
  signOut(expired = false): void {
    const hadUser = this.#current !== undefined;
    this.#current = undefined;
    this.#expired = expired;
    this.#disarm();
    this.#safely(() => this.#storage.clear());
    if (hadUser) this.#onChange(null);
  }

  /** The current token (from `getToken` first, then the stored login), or `undefined`. */
  async token(): Promise<string | undefined> {
    if (this.#getToken) {
      let token: string | undefined | null;
      try {
        token = await this.#getToken();
      } catch (cause) {
        if (isSmaRTCError(cause)) throw cause;
        throw errorFromCode(ErrorCode.AUTH_REQUIRED, 'getToken() failed: no access token to send.', {
          cause,
        });
      }
      if (typeof token === 'string' && token !== '') return token;
    }
    return this.#valid()?.token;
  }

  async tokenFor(mode: AuthMode): Promise<string | undefined> {
    if (mode === 'none') return undefined;
    const token = await this.token();
    if (token !== undefined || mode === 'optional') return token;
    if (this.#expired) {
      throw errorFromCode(ErrorCode.AUTH_TOKEN_EXPIRED, 'Your sign-in has expired; sign in again.');
    }
    throw errorFromCode(
      ErrorCode.AUTH_REQUIRED,
      'You need to sign in first: call auth.login() or pass getToken.',
    );
  }

  rejected(token: string, error: SmaRTCError): void {
    if (this.#current?.token === token) this.signOut(error.code === ErrorCode.AUTH_TOKEN_EXPIRED);
  }

  /** Stops the expiry timer. */
  dispose(): void {
    this.#disarm();
  }

  #valid(): StoredAuth | undefined {
    if (this.#current && expiryOf(this.#current) <= Date.now()) this.signOut(true);
    return this.#current;
  }

  #arm(): void {
    this.#disarm();
    if (!this.#current) return;
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, expiryOf(this.#current) - Date.now()));
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (this.#valid()) this.#arm();
    }, delay);
    (this.#timer as { unref?: () => void }).unref?.();
  }

  #disarm(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #safely(action: () => void): void {
    try {
      action();
    } catch {
      // a failing storage must not break signing in or out
    }
  }
}
