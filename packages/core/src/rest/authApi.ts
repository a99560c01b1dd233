import {
  ApiRoutes,
  type Credentials,
  isLoginResponse,
  isUserDto,
  type LoginResponse,
  type UserDto,
} from '@smartc/protocol';
import type { AuthState } from './authState.js';
import type { CallOptions, HttpClient } from './httpClient.js';

/**
 * Accounts and sign-in: `api.auth`. The token of `login()` is kept by the client's `TokenStorage`
 * (memory by default) and sent with every call that needs it, until it expires or `logout()`.
 *
 * @example
 * const api = new SmaRTCApi({ serverUrl: 'http://localhost:8080' });
 * await api.auth.register('alice', 'Alice123!');
 * const { user, expiresAt } = await api.auth.login('alice', 'Alice123!');
 * console.log(`${user.username} is signed in until ${expiresAt}`);
 */
export class AuthApi {
  readonly #http: HttpClient;
  readonly #state: AuthState;

  /** @internal Use `api.auth`. */
  constructor(http: HttpClient, state: AuthState) {
    this.#http = http;
    this.#state = state;
  }

  /**
   * Creates an account (role `user`; the server never takes a role from the client). It does not sign in.
   * Fails with `AUTH_USERNAME_TAKEN` (409), `VALIDATION_FAILED` (400, with `details`) or `RATE_LIMITED` (429).
   *
   * @example
   * const user = await api.auth.register('alice', 'Alice123!');
   */
  register(username: string, password: string, options?: CallOptions): Promise<UserDto> {
    const body: Credentials = { username, password };
    return this.#http.request({
      method: 'POST',
      path: ApiRoutes.register,
      body,
      auth: 'none',
      guard: isUserDto,
      options,
    });
  }

  /**
   * Signs in: stores the token and its expiry, and emits `auth-changed` with the user.
   * Fails with `AUTH_INVALID_CREDENTIALS` (401) or `RATE_LIMITED` (429, see `retryAfterSeconds`).
   *
   * @example
   * try {
   *   await api.auth.login('alice', 'Alice123!');
   * } catch (error) {
   *   if (isSmaRTCError(error) && error.code === 'AUTH_INVALID_CREDENTIALS') showWrongPassword();
   * }
   */
  async login(username: string, password: string, options?: CallOptions): Promise<LoginResponse> {
    const body: Credentials = { username, password };
    const response = await this.#http.request({
      method: 'POST',
      path: ApiRoutes.login,
      body,
      auth: 'none',
      guard: isLoginResponse,
      options,
    });
    this.#state.signIn({ token: response.token, expiresAt: response.expiresAt, user: response.user });
    return response;
  }

  /**
   * The signed-in user, as the server sees it now (its role may have changed since login).
   * Fails with `AUTH_REQUIRED`, `AUTH_TOKEN_EXPIRED` (also locally, without a request, once the stored
   * token has expired) or `AUTH_TOKEN_INVALID`; an expired or invalid stored token is dropped.
   *
   * @example
   * const me = await api.auth.me();
   * if (me.role === 'admin') showAdminTools();
   */
  async me(options?: CallOptions): Promise<UserDto> {
    const user = await this.#http.request({
      method: 'GET',
      path: ApiRoutes.me,
      auth: 'required',
      guard: isUserDto,
      options,
    });
    if (this.#state.user?.id === user.id) this.#state.updateUser(user);
    return user;
  }

  /**
   * Signs out locally: forgets the stored token and emits `auth-changed` with `null` (when someone was
   * signed in). Tokens are stateless JWTs, so there is no server call; the token simply stops being sent.
   *
   * @example
   * await api.auth.logout();
   * console.log(api.isLoggedIn); // false
   */
  async logout(): Promise<void> {
    this.#state.signOut();
  }
}
