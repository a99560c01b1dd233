import type { Role } from '@smartc/protocol';
import type { SessionRecord } from '../signaling/deps.js';

export type { SessionRecord };

/** A stored account. `passwordHash` never leaves the server. */
export interface UserRecord {
  id: string;
  username: string;
  passwordHash: string;
  role: Role;
  createdAt: string;
}

/** Thrown by {@link UserRepository.create} when the username exists (case-insensitively). */
export class UsernameTakenError extends Error {
  override readonly name = 'UsernameTakenError';
  constructor(username: string) {
    super(`Username "${username}" is already taken`);
  }
}

/** Accounts. Usernames are unique case-insensitively. */
export interface UserRepository {
  create(input: { username: string; passwordHash: string; role: Role }): Promise<UserRecord>;
  findById(id: string): Promise<UserRecord | undefined>;
  /** Case-insensitive lookup. */
  findByUsername(username: string): Promise<UserRecord | undefined>;
  list(): Promise<UserRecord[]>;
  setRole(id: string, role: Role): Promise<boolean>;
}

/** What {@link SessionRepository.create} needs. */
export interface NewSession {
  /** Defaults to a generated URL-safe id. */
  id?: string;
  name: string;
  description: string | null;
  creatorId: string | null;
  maxParticipants: number;
  adHoc: boolean;
}

/** Sessions (calls). */
export interface SessionRepository {
  create(input: NewSession): Promise<SessionRecord>;
  findById(id: string): Promise<SessionRecord | undefined>;
  /** Newest first. */
  list(): Promise<SessionRecord[]>;
  /** Creates an ad-hoc room named `id`, or returns the existing session with that id. */
  createAdHoc(id: string, maxParticipants: number): Promise<SessionRecord>;
  /** True when a session was deleted. */
  delete(id: string): Promise<boolean>;
}

/** Small key/value settings that must survive restarts (e.g. the generated dev JWT secret). */
export interface SettingsRepository {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  /** Returns the stored value, or stores `create()` and returns it (the first writer wins). */
  getOrCreate(key: string, create: () => string): Promise<string>;
}

/** The storage the server runs on: repositories plus lifecycle. */
export interface Storage {
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly settings: SettingsRepository;
  /** Throws when the database does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
