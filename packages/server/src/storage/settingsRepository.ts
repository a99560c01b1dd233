import type { Kysely } from 'kysely';
import type { SettingsRepository } from './repositories.js';
import type { DatabaseSchema } from './schema.js';

/** {@link SettingsRepository} over kysely (portable SQL). */
export class KyselySettingsRepository implements SettingsRepository {
  readonly #db: Kysely<DatabaseSchema>;

  constructor(db: Kysely<DatabaseSchema>) {
    this.#db = db;
  }

  async get(key: string): Promise<string | undefined> {
    const row = await this.#db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirst();
    return row?.value;
  }

  async set(key: string, value: string): Promise<void> {
    const updatedAt = new Date().toISOString();
    await this.#db
      .insertInto('settings')
      .values({ key, value, updatedAt })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updatedAt }))
      .execute();
  }

  async getOrCreate(key: string, create: () => string): Promise<string> {
    await this.#db
      .insertInto('settings')
      .values({ key, value: create(), updatedAt: new Date().toISOString() })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const value = await this.get(key);
    if (value === undefined) throw new Error(`Setting "${key}" could not be stored`);
    return value;
  }
}
