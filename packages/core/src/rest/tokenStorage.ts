import { isUserDto, type UserDto } from '@smartc/protocol';

/** A signed-in state as the REST client keeps it: the access token, its expiry and its user. */
export interface StoredAuth {
  token: string;
  /** ISO 8601 instant from the login response, after which the token is dropped. */
  expiresAt: string;
  user: UserDto;
}

/**
 * Where the REST client keeps the signed-in state. Synchronous so that `api.isLoggedIn` and
 * `api.user` are known at once; a storage that throws is treated as empty.
 *
 * @example
 * const cookieLessStorage: TokenStorage = {
 *   get: () => myStore.read('auth'),
 *   set: (auth) => myStore.write('auth', auth),
 *   clear: () => myStore.remove('auth'),
 * };
 * const api = new SmaRTCApi({ tokenStorage: cookieLessStorage });
 */
export interface TokenStorage {
  /** The stored state, or `undefined`. */
  get(): StoredAuth | undefined;
  /** Replaces the stored state. */
  set(auth: StoredAuth): void;
  /** Forgets the stored state. */
  clear(): void;
}

/**
 * Keeps the signed-in state in memory only (the default): it is gone when the page or process ends.
 *
 * @example
 * const api = new SmaRTCApi({ tokenStorage: memoryTokenStorage() });
 */
export function memoryTokenStorage(): TokenStorage {
  let current: StoredAuth | undefined;
  return {
    get: () => current,
    set: (auth) => {
      current = auth;
    },
    clear: () => {
      current = undefined;
    },
  };
}

/** The part of the Web Storage API (`localStorage`, `sessionStorage`) the token storage uses. */
export type WebStorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Default key of {@link webStorageTokenStorage}. */
export const DEFAULT_TOKEN_STORAGE_KEY = 'smartc.auth';

/** True when `value` has the shape of a {@link StoredAuth}. */
export function isStoredAuth(value: unknown): value is StoredAuth {
  if (typeof value !== 'object' || value === null) return false;
  const { token, expiresAt, user } = value as Partial<Record<keyof StoredAuth, unknown>>;
  return typeof token === 'string' && typeof expiresAt === 'string' && isUserDto(user);
}

function defaultWebStorage(): WebStorageLike | undefined {
  try {
    // Reading `localStorage` throws in sandboxed iframes and some privacy modes.
    const storage = (globalThis as { localStorage?: WebStorageLike }).localStorage;
    return storage && typeof storage.getItem === 'function' ? storage : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keeps the signed-in state in Web Storage, so it survives page reloads (`localStorage`) or lasts
 * for the tab (`sessionStorage`). Without `storage`, `globalThis.localStorage` is used when it exists,
 * looked up at first use (never at import time); where there is none (Node, blocked storage) the state
 * stays in memory. Storage errors (quota, privacy mode) never break a call; a corrupt entry is removed.
 *
 * @example
 * const api = new SmaRTCApi({ tokenStorage: webStorageTokenStorage(sessionStorage, 'my-app.auth') });
 */
export function webStorageTokenStorage(
  storage?: WebStorageLike,
  key: string = DEFAULT_TOKEN_STORAGE_KEY,
): TokenStorage {
  const memory = memoryTokenStorage();
  let resolved: WebStorageLike | null | undefined;
  const target = (): WebStorageLike | null => {
    if (resolved === undefined) resolved = storage ?? defaultWebStorage() ?? null;
    return resolved;
  };
  return {
    get() {
      const web = target();
      if (!web) return memory.get();
      try {
        const text = web.getItem(key);
        if (text === null) return undefined;
        const value: unknown = JSON.parse(text);
        if (isStoredAuth(value)) return value;
      } catch {
        // corrupt entry or storage error: treated as empty below
      }
      try {
        web.removeItem(key);
      } catch {
        // ignore
      }
      return undefined;
    },
    set(auth) {
      memory.set(auth);
      try {
        target()?.setItem(key, JSON.stringify(auth));
      } catch {
        // quota exceeded or storage blocked: the memory copy is lost with the page, nothing worse
      }
    },
    clear() {
      memory.clear();
      try {
        target()?.removeItem(key);
      } catch {
        // ignore
      }
    },
  };
}
