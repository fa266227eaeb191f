import { Injectable } from '@nestjs/common';
import { DEFAULT_COLUMNS, DEFAULT_INDEX_PATTERN, DEFAULT_TOPICS } from '@sanshen/kernel';
import type { CatalogueSettings } from '@sanshen/kernel';
import type { EntityManager } from 'typeorm';

export interface ColumnRow {
  code: string;
  name: string;
  position: number;
  retiredAt: Date | null;
}

export interface IndexNumberRow {
  indexNumber: string;
  columnCode: string;
  year: number;
  serial: number;
  assignedAt: Date;
}

/** The default 机构代码 of an agency whose administrator has not set one: the first 8 hex digits of its id, upper case. */
export const provisionalAgencyCode = (agencyId: string): string => agencyId.replace(/-/g, '').slice(0, 8).toUpperCase();

/** Columns, catalogue settings and index numbers of drafting's schema (plain records). */
@Injectable()
export class CatalogueRepository {
  /**
   * Agencies whose settings row this process has seen committed: nothing deletes one, so they need
   * no further provisioning (each document's catalogue check would otherwise try the insert again).
   */
  private readonly provisioned = new Set<string>();

  /**
   * Gives an agency its settings and the default columns the first time anything of its catalogue is
   * used (a new agency needs no other step); idempotent and safe under concurrency.
   */
  async provision(manager: EntityManager, agencyId: string): Promise<void> {
    if (this.provisioned.has(agencyId)) return;
    const inserted = (await manager.query(
      `INSERT INTO catalogue_settings (agency_id, agency_code, index_pattern, topics) VALUES ($1, $2, $3, $4)
       ON CONFLICT (agency_id) DO NOTHING RETURNING agency_id`,
      [agencyId, provisionalAgencyCode(agencyId), DEFAULT_INDEX_PATTERN, JSON.stringify(DEFAULT_TOPICS)],
    )) as unknown[];
    if (inserted.length === 0) {
      // The conflicting row is committed (an insert in flight would have been waited for).
      this.provisioned.add(agencyId);
      return;
    }
    for (const [position, column] of DEFAULT_COLUMNS.entries()) {
      await manager.query('INSERT INTO site_columns (agency_id, code, name, position) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [agencyId, column.code, column.name, position]);
    }
  }

  async settings(manager: EntityManager, agencyId: string, lock = false): Promise<CatalogueSettings & { updatedAt: Date }> {
    await this.provision(manager, agencyId);
    const rows = (await manager.query(
      `SELECT agency_code AS "agencyCode", index_pattern AS "indexPattern", topics, updated_at AS "updatedAt"
       FROM catalogue_settings WHERE agency_id = $1${lock ? ' FOR UPDATE' : ''}`,
      [agencyId],
    )) as (CatalogueSettings & { updatedAt: Date })[];
    const row = rows[0];
    if (row === undefined) throw new Error('catalogue settings vanished after provisioning');
    return row;
  }

  async saveSettings(manager: EntityManager, agencyId: string, settings: CatalogueSettings, by: string): Promise<void> {
    await manager.query(
      'UPDATE catalogue_settings SET agency_code = $2, index_pattern = $3, topics = $4, updated_by = $5, updated_at = now() WHERE agency_id = $1',
      [agencyId, settings.agencyCode, settings.indexPattern, JSON.stringify(settings.topics), by],
    );
  }

  async columns(manager: EntityManager, agencyId: string): Promise<ColumnRow[]> {
    await this.provision(manager, agencyId);
    return (await manager.query(
      'SELECT code, name, position, retired_at AS "retiredAt" FROM site_columns WHERE agency_id = $1 ORDER BY position, code',
      [agencyId],
    )) as ColumnRow[];
  }

  async column(manager: EntityManager, agencyId: string, code: string): Promise<ColumnRow | null> {
    await this.provision(manager, agencyId);
    const rows = (await manager.query(
      'SELECT code, name, position, retired_at AS "retiredAt" FROM site_columns WHERE agency_id = $1 AND code = $2',
      [agencyId, code],
    )) as ColumnRow[];
    return rows[0] ?? null;
  }

  /** Serializes the column changes of one agency (order, names) on its settings row. */
  async lockAgency(manager: EntityManager, agencyId: string): Promise<void> {
    await this.provision(manager, agencyId);
    await manager.query('SELECT 1 FROM catalogue_settings WHERE agency_id = $1 FOR UPDATE', [agencyId]);
  }

  async insertColumn(manager: EntityManager, agencyId: string, code: string, name: string): Promise<void> {
    await manager.query(
      `INSERT INTO site_columns (agency_id, code, name, position)
       SELECT $1, $2, $3, COALESCE(MAX(position) + 1, 0) FROM site_columns WHERE agency_id = $1`,
      [agencyId, code, name],
    );
  }

  async updateColumn(manager: EntityManager, agencyId: string, code: string, change: { name?: string; retired?: boolean }): Promise<void> {
    if (change.name !== undefined) await manager.query('UPDATE site_columns SET name = $3 WHERE agency_id = $1 AND code = $2', [agencyId, code, change.name]);
    if (change.retired === true) await manager.query('UPDATE site_columns SET retired_at = COALESCE(retired_at, now()) WHERE agency_id = $1 AND code = $2', [agencyId, code]);
    if (change.retired === false) await manager.query('UPDATE site_columns SET retired_at = NULL WHERE agency_id = $1 AND code = $2', [agencyId, code]);
  }

  async reorder(manager: EntityManager, agencyId: string, codes: string[]): Promise<void> {
    await manager.query(
      `UPDATE site_columns SET position = ordered.position - 1
       FROM unnest($2::text[]) WITH ORDINALITY AS ordered (code, position)
       WHERE site_columns.agency_id = $1 AND site_columns.code = ordered.code`,
      [agencyId, codes],
    );
  }

  async indexNumber(manager: EntityManager, documentId: string): Promise<IndexNumberRow | null> {
    const rows = (await manager.query(
      `SELECT index_number AS "indexNumber", column_code AS "columnCode", year, serial, assigned_at AS "assignedAt"
       FROM index_numbers WHERE document_id = $1`,
      [documentId],
    )) as IndexNumberRow[];
    return rows[0] ?? null;
  }

  /**
   * The next serial of (agency, scope, year): the counter row is created or incremented under its row
   * lock in the caller's transaction, so concurrent allocations queue and a rolled-back one leaves no gap.
   */
  async nextSerial(manager: EntityManager, agencyId: string, scope: string, year: number): Promise<number> {
    const rows = (await manager.query(
      `INSERT INTO index_serials (agency_id, scope, year, last_serial) VALUES ($1, $2, $3, 1)
       ON CONFLICT (agency_id, scope, year) DO UPDATE SET last_serial = index_serials.last_serial + 1
       RETURNING last_serial AS "serial"`,
      [agencyId, scope, year],
    )) as { serial: number }[];
    const serial = rows[0]?.serial;
    if (serial === undefined) throw new Error('index serial not returned');
    return serial;
  }

  async insertIndexNumber(manager: EntityManager, documentId: string, agencyId: string, row: Omit<IndexNumberRow, 'assignedAt'>): Promise<void> {
    await manager.query(
      'INSERT INTO index_numbers (document_id, agency_id, column_code, year, serial, index_number) VALUES ($1, $2, $3, $4, $5, $6)',
      [documentId, agencyId, row.columnCode, row.year, row.serial, row.indexNumber],
    );
  }

  async indexNumberTaken(manager: EntityManager, agencyId: string, indexNumber: string): Promise<boolean> {
    const rows = (await manager.query('SELECT 1 FROM index_numbers WHERE agency_id = $1 AND index_number = $2', [agencyId, indexNumber])) as unknown[];
    return rows.length > 0;
  }
}
