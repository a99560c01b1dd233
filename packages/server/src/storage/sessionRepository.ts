import type { Kysely, Selectable } from 'kysely';
import { newSessionId } from './ids.js';
import type { NewSession, SessionRecord, SessionRepository } from './repositories.js';
import type { DatabaseSchema, SessionsTable } from './schema.js';

function toRecord(row: Selectable<SessionsTable>): SessionRecord {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    creatorId: row.creatorId,
    createdAt: row.createdAt,
    maxParticipants: Number(row.maxParticipants),
    adHoc: Number(row.adHoc) === 1,
  };
}

/** {@link SessionRepository} over kysely (portable SQL). */
export class KyselySessionRepository implements SessionRepository {
  readonly #db: Kysely<DatabaseSchema>;

  constructor(db: Kysely<DatabaseSchema>) {
    this.#db = db;
  }

  async create(input: NewSession): Promise<SessionRecord> {
    const row = {
      id: input.id ?? newSessionId(),
      name: input.name,
      description: input.description,
      creatorId: input.creatorId,
      createdAt: new Date().toISOString(),
      maxParticipants: input.maxParticipants,
      adHoc: input.adHoc ? 1 : 0,
    };
    await this.#db.insertInto('sessions').values(row).execute();
    return toRecord(row);
  }

  async findById(id: string): Promise<SessionRecord | undefined> {
    const row = await this.#db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : undefined;
  }

  async list(): Promise<SessionRecord[]> {
    const rows = await this.#db
      .selectFrom('sessions')
      .selectAll()
      .orderBy('createdAt', 'desc')
      .orderBy('id')
      .limit(1000)
      .execute();
    return rows.map(toRecord);
  }

  async createAdHoc(id: string, maxParticipants: number): Promise<SessionRecord> {
    await this.#db
      .insertInto('sessions')
      .values({
        id,
        name: id,
        description: null,
        creatorId: null,
        createdAt: new Date().toISOString(),
        maxParticipants,
        adHoc: 1,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    const existing = await this.findById(id);
    if (!existing) throw new Error(`Ad-hoc session "${id}" could not be created`);
    return existing;
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.#db.deleteFrom('sessions').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
