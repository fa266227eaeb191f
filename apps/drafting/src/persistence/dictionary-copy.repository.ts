import { Injectable } from '@nestjs/common';
import type { DictionaryVersionPublishedPayload } from '@sanshen/contracts';
import type { EntityManager } from 'typeorm';

/** The one row of `dictionary_copy`: the newest dictionary version drafting has received. */
@Injectable()
export class DictionaryCopyRepository {
  /** Keeps `published` unless the copy already holds that version or a newer one (events may arrive out of order). */
  async keep(manager: EntityManager, published: DictionaryVersionPublishedPayload): Promise<void> {
    await manager.query(
      `INSERT INTO dictionary_copy (id, version, entries, exceptions, leaders) VALUES (true, $1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET version = excluded.version, entries = excluded.entries, exceptions = excluded.exceptions,
         leaders = excluded.leaders, received_at = now()
       WHERE dictionary_copy.version < excluded.version`,
      [published.version, JSON.stringify(published.entries), JSON.stringify(published.exceptions), JSON.stringify(published.leaders)],
    );
  }

  async version(manager: EntityManager): Promise<number | null> {
    const rows = (await manager.query('SELECT version FROM dictionary_copy')) as { version: number }[];
    return rows[0]?.version ?? null;
  }

  async load(manager: EntityManager): Promise<DictionaryVersionPublishedPayload | null> {
    const rows = (await manager.query('SELECT version, entries, exceptions, leaders FROM dictionary_copy')) as DictionaryVersionPublishedPayload[];
    return rows[0] ?? null;
  }
}
