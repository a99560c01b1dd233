import { describe, expect, it } from 'vitest';
import { isStoredAuth, memoryTokenStorage, type StoredAuth, webStorageTokenStorage } from './tokenStorage.js';

const AUTH: StoredAuth = {
  token: 'header.payload.signature',
  expiresAt: '2999-01-01T00:00:00.000Z',
  user: { id: 'u1', username: 'alice', role: 'user' },
};

function fakeStorage(overrides: Partial<Storage> = {}) {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
    ...overrides,
  };
}

describe('memoryTokenStorage', () => {
  it('keeps, replaces and clears one login per instance', () => {
    const a = memoryTokenStorage();
    const b = memoryTokenStorage();
    expect(a.get()).toBeUndefined();
    a.set(AUTH);
    expect(a.get()).toEqual(AUTH);
    expect(b.get()).toBeUndefined();
    a.clear();
    expect(a.get()).toBeUndefined();
  });
});

describe('webStorageTokenStorage', () => {
  it('stores JSON under its key and reads it back', () => {
    const storage = fakeStorage();
    const tokens = webStorageTokenStorage(storage, 'k');
    tokens.set(AUTH);
    expect(JSON.parse(storage.items.get('k') ?? '')).toEqual(AUTH);
    expect(webStorageTokenStorage(storage, 'k').get()).toEqual(AUTH);
    tokens.clear();
    expect(storage.items.has('k')).toBe(false);
  });

  it('removes entries that are not a stored login', () => {
    const storage = fakeStorage();
    storage.items.set('smartc.auth', JSON.stringify({ token: 1 }));
    expect(webStorageTokenStorage(storage).get()).toBeUndefined();
    expect(storage.items.size).toBe(0);
  });

  it('survives a storage that throws (quota, privacy mode)', () => {
    const broken = fakeStorage({
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    });
    const tokens = webStorageTokenStorage(broken);
    expect(() => tokens.set(AUTH)).not.toThrow();
    expect(tokens.get()).toBeUndefined();
    expect(() => tokens.clear()).not.toThrow();
  });

  it('uses globalThis.localStorage when present at first use, and memory when absent', () => {
    const g = globalThis as { localStorage?: unknown };
    const withoutGlobal = webStorageTokenStorage();
    withoutGlobal.set(AUTH);
    expect(withoutGlobal.get()).toEqual(AUTH);

    const storage = fakeStorage();
    const lazy = webStorageTokenStorage(); // created before localStorage exists
    g.localStorage = storage;
    try {
      lazy.set(AUTH);
      expect(storage.items.has('smartc.auth')).toBe(true);
    } finally {
      delete g.localStorage;
    }
  });
});

describe('isStoredAuth', () => {
  it('checks token, expiry and user', () => {
    expect(isStoredAuth(AUTH)).toBe(true);
    expect(isStoredAuth({ ...AUTH, user: { id: 'u1', username: 'a', role: 'root' } })).toBe(false);
    expect(isStoredAuth(null)).toBe(false);
  });
});
