import type { Role } from '@smartc/protocol';
import type { Kysely, Selectable } from 'kysely';
import { newUserId } from './ids.js';
import { UsernameTakenError, type UserRecord, type UserRepository } from './repositories.js';
import type { DatabaseSchema, UsersTable } from './schema.js';

function toRecord(row: Selectable<UsersTable>): UserRecord {
  return {
    id: row.id,
    username: row.username,
    passwordHash: row.passwordHash,
    role: row.role === 'admin' ? 'admin' : 'user',
    createdAt: row.createdAt,
  };
}

/** The case-insensitive uniqueness key of a username. */
export function usernameKey(username: string): string {
  return username.normalize('NFKC').toLowerCase();
}

/** {@link UserRepository} over kysely (portable SQL). */
export class KyselyUserRepository implements UserRepository {
  readonly #db: Kysely<DatabaseSchema>;

  constructor(db: Kysely<DatabaseSchema>) {
    this.#db = db;
  }

  async create(input: { username: string; passwordHash: string; role: Role }): Promise<UserRecord> {
    const row = {
      id: newUserId(),
      username: input.username,
      usernameKey: usernameKey(input.username),
      passwordHash: input.passwordHash,
      role: input.role,
      createdAt: new Date().toISOString(),
    };
    const result = await this.#db
      .insertInto('users')
      .values(row)
      .onConflict((oc) => oc.column('usernameKey').doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0n) === 0) throw new UsernameTakenError(input.username);
    return toRecord(row);
  }

  async findById(id: string): Promise<UserRecord | undefined> {
    const row = await this.#db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : undefined;
  }

  async findByUsername(username: string): Promise<UserRecord | undefined> {
    const row = await this.#db
      .selectFrom('users')
      .selectAll()
      .where('usernameKey', '=', usernameKey(username))
      .executeTakeFirst();
    return row ? toRecord(row) : undefined;
  }

  async list(): Promise<UserRecord[]> {
    const rows = await this.#db.selectFrom('users').selectAll().orderBy('createdAt').orderBy('id').execute();
    return rows.map(toRecord);
  }

  async setRole(id: string, role: Role): Promise<boolean> {
    const result = await this.#db.updateTable('users').set({ role }).where('id', '=', id).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
