import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect, sql } from 'kysely';
import { migrateToLatest } from './migrations.js';
import type { Storage } from './repositories.js';
import type { DatabaseSchema } from './schema.js';
import { KyselySessionRepository } from './sessionRepository.js';
import { KyselySettingsRepository } from './settingsRepository.js';
import { KyselyUserRepository } from './userRepository.js';

/** Builds the repositories over an open kysely instance (any dialect) and runs migrations. */
export async function createKyselyStorage(db: Kysely<DatabaseSchema>): Promise<Storage> {
  await migrateToLatest(db as Kysely<unknown>);
  let closed = false;
  return {
    users: new KyselyUserRepository(db),
    sessions: new KyselySessionRepository(db),
    settings: new KyselySettingsRepository(db),
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}

/**
 * Opens (creating folder and file when needed) the SQLite database at `path`, or an in-memory
 * one for `:memory:`, migrates it to the latest version and returns the repositories.
 */
export async function openSqliteStorage(path: string): Promise<Storage> {
  const inMemory = path === ':memory:';
  if (!inMemory) mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(inMemory ? ':memory:' : resolve(path));
  if (!inMemory) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DatabaseSchema>({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [new CamelCasePlugin()],
  });
  try {
    return await createKyselyStorage(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
}
