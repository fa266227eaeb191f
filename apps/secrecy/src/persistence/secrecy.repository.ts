import { Injectable } from '@nestjs/common';
import { insertRow, lockRow, updateRow } from '@sanshen/messaging';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { SecrecyCaseOrmEntity } from './secrecy-case.orm-entity.js';
import { SecrecyDecisionOrmEntity } from './secrecy-decision.orm-entity.js';
import { SecrecyFindingOrmEntity } from './secrecy-finding.orm-entity.js';
import { SecrecyScanOrmEntity } from './secrecy-scan.orm-entity.js';

@Injectable()
export class SecrecyRepository {
  constructor(private readonly dataSource: DataSource) {}

  lockCase(manager: EntityManager, documentId: string): Promise<SecrecyCaseOrmEntity | null> {
    return lockRow(manager, SecrecyCaseOrmEntity, documentId);
  }

  findCase(documentId: string): Promise<SecrecyCaseOrmEntity | null> {
    return this.dataSource.manager.findOne(SecrecyCaseOrmEntity, { where: { documentId } });
  }

  /** A document's first case (TypeORM's save would read the row first to find it is new). */
  async insertCase(manager: EntityManager, secrecyCase: SecrecyCaseOrmEntity): Promise<void> {
    await insertRow(manager, SecrecyCaseOrmEntity, secrecyCase);
  }

  /** Writes back a case read in this transaction (one UPDATE, no second read). */
  async updateCase(manager: EntityManager, secrecyCase: SecrecyCaseOrmEntity): Promise<void> {
    await updateRow(manager, SecrecyCaseOrmEntity, secrecyCase);
  }

  async addDecision(manager: EntityManager, decision: SecrecyDecisionOrmEntity): Promise<void> {
    await manager.insert(SecrecyDecisionOrmEntity, decision);
  }

  /** Every decision on a version, oldest first. */
  decisions(documentId: string, version: number): Promise<SecrecyDecisionOrmEntity[]> {
    return this.dataSource.manager.find(SecrecyDecisionOrmEntity, { where: { documentId, version }, order: { decidedAt: 'ASC' } });
  }

  findDecision(manager: EntityManager, id: string): Promise<SecrecyDecisionOrmEntity | null> {
    return manager.findOne(SecrecyDecisionOrmEntity, { where: { id } });
  }

  findScan(manager: EntityManager, documentId: string, version: number): Promise<SecrecyScanOrmEntity | null> {
    return manager.findOne(SecrecyScanOrmEntity, { where: { documentId, version } });
  }

  /** Stores a scan with its findings; false when the version was already scanned (a concurrent scan won). */
  async addScan(manager: EntityManager, scan: SecrecyScanOrmEntity, findings: SecrecyFindingOrmEntity[]): Promise<boolean> {
    const inserted = (await manager.query(
      `INSERT INTO secrecy_scans (id, document_id, version, content_hash, dictionary_version, scanned_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (document_id, version) DO NOTHING RETURNING id`,
      [scan.id, scan.documentId, scan.version, scan.contentHash, scan.dictionaryVersion, scan.scannedAt],
    )) as unknown[];
    if (inserted.length === 0) return false;
    if (findings.length > 0) await manager.insert(SecrecyFindingOrmEntity, findings);
    return true;
  }

  findings(manager: EntityManager, scanId: string): Promise<SecrecyFindingOrmEntity[]> {
    return manager.find(SecrecyFindingOrmEntity, { where: { scanId }, order: { ordinal: 'ASC' } });
  }

  lockFinding(manager: EntityManager, id: string): Promise<SecrecyFindingOrmEntity | null> {
    return manager.findOne(SecrecyFindingOrmEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async saveFinding(manager: EntityManager, finding: SecrecyFindingOrmEntity): Promise<void> {
    await manager.save(SecrecyFindingOrmEntity, finding);
  }

  /** Undisposed findings of a document's earlier versions (to mark those the new version no longer has as fixed). */
  openFindingsBefore(manager: EntityManager, documentId: string, version: number): Promise<SecrecyFindingOrmEntity[]> {
    return manager
      .createQueryBuilder(SecrecyFindingOrmEntity, 'f')
      .where('f.document_id = :documentId AND f.version < :version AND f.disposition IS NULL', { documentId, version })
      .getMany();
  }

  /** The agency's documents waiting for 保密审查 (or a referral's answer), first arrived first. */
  queue(agencyId: string): Promise<SecrecyCaseOrmEntity[]> {
    return this.dataSource.manager.find(SecrecyCaseOrmEntity, { where: { agencyId, status: 'pending_secrecy' }, order: { enteredAt: 'ASC' }, take: 500 });
  }

  /** Open findings (no disposition yet) of these versions' scans, counted per document: all, and blocking ones. */
  async openFindingCounts(versions: { documentId: string; version: number }[]): Promise<Map<string, { total: number; blocking: number }>> {
    if (versions.length === 0) return new Map();
    const rows = await this.dataSource.query<{ document_id: string; total: number; blocking: number }[]>(
      `SELECT f.document_id, count(*)::int AS total, count(*) FILTER (WHERE f.severity = 'blocking')::int AS blocking
         FROM secrecy_findings f
         JOIN jsonb_to_recordset($1::jsonb) AS v(document_id uuid, version int) ON v.document_id = f.document_id AND v.version = f.version
        WHERE f.disposition IS NULL
        GROUP BY f.document_id`,
      [JSON.stringify(versions.map((entry) => ({ document_id: entry.documentId, version: entry.version })))],
    );
    return new Map(rows.map((row) => [row.document_id, { total: row.total, blocking: row.blocking }]));
  }
}
