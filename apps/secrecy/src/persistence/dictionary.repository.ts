import { Injectable } from '@nestjs/common';
import type { DictionaryEntryView, DictionaryExceptionView, DictionaryVersionView, LeaderView } from '@sanshen/contracts';
import type { LeaderTenure, WordingEntry } from '@sanshen/content-checks';
import type { EntityManager } from 'typeorm';

/** Serializes dictionary changes: every change takes the next version number. */
const DICTIONARY_LOCK = 'secrecy.dictionary';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

interface EntryRow {
  id: string;
  wrong: string;
  right: string;
  category: DictionaryEntryView['category'];
  severity: 'blocking' | 'warning';
  note: string | null;
  added_in: number;
}

interface ExceptionRow {
  id: string;
  phrase: string;
  reason: string | null;
  finding_id: string | null;
  added_in: number;
}

interface LeaderRow {
  id: string;
  agency_id: string;
  name: string;
  title: string;
  from_date: string;
  until_date: string | null;
  added_in: number;
}

interface VersionRow {
  version: number;
  created_at: Date;
  created_by_id: string;
  created_by_name: string;
  reason: string;
  change: DictionaryVersionView['change'];
}

export type DictionaryTable = 'dictionary_entries' | 'dictionary_exceptions' | 'leaders';

/**
 * The versioned dictionary. A row is live at version v when `added_in <= v` and it was not removed
 * at or before v; a change never edits a row's text, it adds a row or sets `removed_in`, so every
 * version can be rebuilt exactly (which dictionary a scan used).
 */
@Injectable()
export class DictionaryRepository {
  async currentVersion(manager: EntityManager): Promise<number> {
    const rows = (await manager.query('SELECT max(version)::int AS version FROM dictionary_versions')) as { version: number | null }[];
    return rows[0]?.version ?? 0;
  }

  /** Serializes the changes of the dictionary (transaction-scoped). */
  async lock(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [DICTIONARY_LOCK]);
  }

  /** Whether the outbox still holds the event that published `version` (rows are kept for the retention window). */
  async versionInOutbox(manager: EntityManager, aggregateId: string, version: number): Promise<boolean> {
    const rows = (await manager.query('SELECT 1 FROM outbox WHERE document_id = $1 AND sequence = $2', [aggregateId, version])) as unknown[];
    return rows.length > 0;
  }

  /** Opens the next version (in the caller's transaction, which must also make the change). */
  async openVersion(
    manager: EntityManager,
    by: { userId: string; displayName: string },
    reason: string,
    change: DictionaryVersionView['change'],
    at: Date,
  ): Promise<number> {
    await this.lock(manager);
    const version = (await this.currentVersion(manager)) + 1;
    await manager.query(
      `INSERT INTO dictionary_versions (version, created_at, created_by_id, created_by_name, reason, change) VALUES ($1, $2, $3, $4, $5, $6)`,
      [version, at, by.userId, by.displayName, reason, JSON.stringify(change)],
    );
    return version;
  }

  async versions(manager: EntityManager, offset: number, limit: number): Promise<Page<DictionaryVersionView>> {
    const rows = (await manager.query('SELECT * FROM dictionary_versions ORDER BY version DESC OFFSET $1 LIMIT $2', [
      offset,
      limit + 1,
    ])) as VersionRow[];
    return page(rows, offset, limit, (row) => ({
      version: row.version,
      createdAt: new Date(row.created_at).toISOString(),
      createdById: row.created_by_id,
      createdByName: row.created_by_name,
      reason: row.reason,
      change: row.change,
    }));
  }

  async entriesAt(manager: EntityManager, version: number): Promise<WordingEntry[]> {
    const rows = (await manager.query(
      `SELECT * FROM dictionary_entries WHERE added_in <= $1 AND (removed_in IS NULL OR removed_in > $1) ORDER BY wrong`,
      [version],
    )) as EntryRow[];
    return rows.map((row) => ({
      wrong: row.wrong,
      right: row.right,
      category: row.category,
      severity: row.severity,
      ...(row.note === null ? {} : { note: row.note }),
    }));
  }

  async exceptionsAt(manager: EntityManager, version: number): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT phrase FROM dictionary_exceptions WHERE added_in <= $1 AND (removed_in IS NULL OR removed_in > $1) ORDER BY phrase`,
      [version],
    )) as { phrase: string }[];
    return rows.map((row) => row.phrase);
  }

  /** Every agency's leaders at a version, for the published dictionary. */
  async allLeadersAt(manager: EntityManager, version: number): Promise<(LeaderTenure & { agencyId: string; until: string | null })[]> {
    const rows = (await manager.query(
      `SELECT * FROM leaders WHERE added_in <= $1 AND (removed_in IS NULL OR removed_in > $1) ORDER BY agency_id, name`,
      [version],
    )) as LeaderRow[];
    return rows.map((row) => ({ agencyId: row.agency_id, ...tenureOf(row) }));
  }

  async leadersAt(manager: EntityManager, agencyId: string, version: number): Promise<LeaderTenure[]> {
    const rows = (await manager.query(
      `SELECT * FROM leaders WHERE agency_id = $1 AND added_in <= $2 AND (removed_in IS NULL OR removed_in > $2) ORDER BY name`,
      [agencyId, version],
    )) as LeaderRow[];
    return rows.map(tenureOf);
  }

  async listEntries(manager: EntityManager, q: string | undefined, offset: number, limit: number): Promise<Page<DictionaryEntryView>> {
    const rows = (await manager.query(
      `SELECT * FROM dictionary_entries WHERE removed_in IS NULL AND ($1::text IS NULL OR strpos(wrong, $1) > 0 OR strpos("right", $1) > 0)
       ORDER BY wrong OFFSET $2 LIMIT $3`,
      [q ?? null, offset, limit + 1],
    )) as EntryRow[];
    return page(rows, offset, limit, toEntryView);
  }

  async listExceptions(manager: EntityManager, q: string | undefined, offset: number, limit: number): Promise<Page<DictionaryExceptionView>> {
    const rows = (await manager.query(
      `SELECT * FROM dictionary_exceptions WHERE removed_in IS NULL AND ($1::text IS NULL OR strpos(phrase, $1) > 0)
       ORDER BY phrase OFFSET $2 LIMIT $3`,
      [q ?? null, offset, limit + 1],
    )) as ExceptionRow[];
    return page(rows, offset, limit, toExceptionView);
  }

  async listLeaders(manager: EntityManager, agencyId: string, q: string | undefined, offset: number, limit: number): Promise<Page<LeaderView>> {
    const rows = (await manager.query(
      `SELECT * FROM leaders WHERE agency_id = $1 AND removed_in IS NULL AND ($2::text IS NULL OR strpos(name, $2) > 0)
       ORDER BY name, from_date OFFSET $3 LIMIT $4`,
      [agencyId, q ?? null, offset, limit + 1],
    )) as LeaderRow[];
    return page(rows, offset, limit, toLeaderView);
  }

  async liveEntryByWrong(manager: EntityManager, wrong: string): Promise<boolean> {
    const rows = (await manager.query('SELECT 1 FROM dictionary_entries WHERE wrong = $1 AND removed_in IS NULL', [wrong])) as unknown[];
    return rows.length > 0;
  }

  async liveExceptionByPhrase(manager: EntityManager, phrase: string): Promise<DictionaryExceptionView | null> {
    const rows = (await manager.query('SELECT * FROM dictionary_exceptions WHERE phrase = $1 AND removed_in IS NULL', [phrase])) as ExceptionRow[];
    return rows[0] === undefined ? null : toExceptionView(rows[0]);
  }

  async addEntry(manager: EntityManager, entry: Omit<EntryRow, 'added_in'>, version: number): Promise<DictionaryEntryView> {
    await manager.query(
      `INSERT INTO dictionary_entries (id, wrong, "right", category, severity, note, added_in) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [entry.id, entry.wrong, entry.right, entry.category, entry.severity, entry.note, version],
    );
    return toEntryView({ ...entry, added_in: version });
  }

  async addException(
    manager: EntityManager,
    exception: { id: string; phrase: string; reason: string; findingId: string | null },
    version: number,
  ): Promise<DictionaryExceptionView> {
    await manager.query(
      'INSERT INTO dictionary_exceptions (id, phrase, reason, finding_id, added_in) VALUES ($1, $2, $3, $4, $5)',
      [exception.id, exception.phrase, exception.reason, exception.findingId, version],
    );
    return { id: exception.id, phrase: exception.phrase, reason: exception.reason, findingId: exception.findingId, addedIn: version };
  }

  async addLeader(manager: EntityManager, leader: Omit<LeaderRow, 'added_in'>, version: number): Promise<LeaderView> {
    await manager.query(
      'INSERT INTO leaders (id, agency_id, name, title, from_date, until_date, added_in) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [leader.id, leader.agency_id, leader.name, leader.title, leader.from_date, leader.until_date, version],
    );
    return toLeaderView({ ...leader, added_in: version });
  }

  /** A live row's summary for the version log, locked; null when there is none (or, for leaders, not in the agency). */
  async lockLive(manager: EntityManager, table: DictionaryTable, id: string, agencyId?: string): Promise<string | null> {
    const rows = (await manager.query(`SELECT * FROM ${table} WHERE id = $1 AND removed_in IS NULL FOR UPDATE`, [id])) as (
      | EntryRow
      | ExceptionRow
      | LeaderRow
    )[];
    const row = rows[0];
    if (row === undefined) return null;
    if ('wrong' in row) return `${row.wrong} → ${row.right}`;
    if ('phrase' in row) return row.phrase;
    return row.agency_id === agencyId ? `${row.name} ${row.title}` : null;
  }

  async remove(manager: EntityManager, table: DictionaryTable, id: string, version: number): Promise<void> {
    await manager.query(`UPDATE ${table} SET removed_in = $2 WHERE id = $1 AND removed_in IS NULL`, [id, version]);
  }
}

function page<R, V>(rows: R[], offset: number, limit: number, map: (row: R) => V): Page<V> {
  return { items: rows.slice(0, limit).map(map), nextCursor: rows.length > limit ? String(offset + limit) : null };
}

function toEntryView(row: EntryRow): DictionaryEntryView {
  return { id: row.id, wrong: row.wrong, right: row.right, category: row.category, severity: row.severity, note: row.note, addedIn: row.added_in };
}

function toExceptionView(row: ExceptionRow): DictionaryExceptionView {
  return { id: row.id, phrase: row.phrase, reason: row.reason, findingId: row.finding_id, addedIn: row.added_in };
}

function toLeaderView(row: LeaderRow): LeaderView {
  return {
    id: row.id,
    agencyId: row.agency_id,
    name: row.name,
    title: row.title,
    from: isoDate(row.from_date),
    until: row.until_date === null ? null : isoDate(row.until_date),
    addedIn: row.added_in,
  };
}

/** pg returns `date` columns as local-midnight Dates unless told otherwise; take the calendar day either way. */
function isoDate(value: string | Date): string {
  if (typeof value === 'string') return value.slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}

function tenureOf(row: LeaderRow): LeaderTenure & { until: string | null } {
  return { name: row.name, title: row.title, from: isoDate(row.from_date), until: row.until_date === null ? null : isoDate(row.until_date) };
}
