/** `users` table (camelCase here, snake_case in SQL through CamelCasePlugin). */
export interface UsersTable {
  id: string;
  username: string;
  /** Lower-cased username: the unique key. */
  usernameKey: string;
  passwordHash: string;
  role: string;
  createdAt: string;
}

/** `sessions` table. */
export interface SessionsTable {
  id: string;
  name: string;
  description: string | null;
  creatorId: string | null;
  createdAt: string;
  maxParticipants: number;
  /** 0 or 1 (portable across SQLite and PostgreSQL). */
  adHoc: number;
}

/** `settings` table. */
export interface SettingsTable {
  key: string;
  value: string;
  updatedAt: string;
}

/** The kysely database shape. */
export interface DatabaseSchema {
  users: UsersTable;
  sessions: SessionsTable;
  settings: SettingsTable;
}
