import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DRAFTING_RPC } from '@sanshen/contracts';
import type { AttachmentTextRequest, AttachmentTextView, DocumentVersionView, GetVersionRequest } from '@sanshen/contracts';
import { contentHashOf, DomainError, isArticleContent, systemActor } from '@sanshen/kernel';
import { documentSections, scanSections } from '@sanshen/content-checks';
import type { AttachmentTexts, SectionFinding } from '@sanshen/content-checks';
import { ROOT_LOGGER } from '@sanshen/platform/core';
import { ServiceClient } from '@sanshen/platform/rpc';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { SecrecyCaseOrmEntity } from '../../persistence/secrecy-case.orm-entity.js';
import { SecrecyFindingOrmEntity } from '../../persistence/secrecy-finding.orm-entity.js';
import { SecrecyScanOrmEntity } from '../../persistence/secrecy-scan.orm-entity.js';
import { SecrecyRepository } from '../../persistence/secrecy.repository.js';
import { DictionarySnapshots } from './dictionary-snapshot.js';

/** The version to scan and the text drafting extracted from each of its attachments. */
interface VersionToScan {
  version: DocumentVersionView;
  attachmentTexts: AttachmentTexts;
}

/**
 * Scans the exact version under secrecy review once: fetches it from drafting, checks it hashes to
 * what 三审 signed, runs the content checks with the current dictionary and stores the findings with
 * the dictionary version used. Findings of earlier versions that the new version no longer has are
 * marked fixed (the only way a finding is fixed: by a new version).
 */
@Injectable()
export class ScanVersionUseCase {
  private readonly logger: Logger;

  constructor(
    private readonly dataSource: DataSource,
    private readonly secrecy: SecrecyRepository,
    private readonly snapshots: DictionarySnapshots,
    private readonly drafting: ServiceClient,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'secrecy-scan' });
  }

  /** The version's scan, made now if missing (in its own transaction). */
  async ensure(secrecyCase: SecrecyCaseOrmEntity, correlationId: string): Promise<SecrecyScanOrmEntity> {
    const existing = await this.secrecy.findScan(this.dataSource.manager, secrecyCase.documentId, secrecyCase.version);
    if (existing !== null) return existing;
    const version = await this.fetch(secrecyCase, correlationId);
    return this.dataSource.transaction((manager) => this.store(manager, secrecyCase, version));
  }

  /**
   * Scans in the caller's transaction (the consumer's, when 三审 ends). A version drafting cannot give
   * now is left for later: the review page and the decision make the scan on demand.
   */
  async tryInto(manager: EntityManager, secrecyCase: SecrecyCaseOrmEntity, correlationId: string): Promise<void> {
    let version: VersionToScan;
    try {
      version = await this.fetch(secrecyCase, correlationId);
    } catch (error) {
      this.logger.warn({ err: error, documentId: secrecyCase.documentId, version: secrecyCase.version, correlationId }, 'scan deferred');
      return;
    }
    await this.store(manager, secrecyCase, version);
  }

  private async fetch(secrecyCase: SecrecyCaseOrmEntity, correlationId: string): Promise<VersionToScan> {
    let version: DocumentVersionView;
    let attachmentTexts: AttachmentTexts;
    try {
      const actor = systemActor(secrecyCase.agencyId);
      version = await this.drafting.send<DocumentVersionView, GetVersionRequest>(DRAFTING_RPC.getVersion, {
        actor,
        correlationId,
        payload: { documentId: secrecyCase.documentId, version: secrecyCase.version },
      });
      // One request per attachment (its text can be long; NATS messages are bounded), by the hash the content lists.
      const attachments = isArticleContent(version.content) ? (version.content.attachments ?? []) : [];
      const texts = await Promise.all(
        attachments.map((file) =>
          this.drafting.send<AttachmentTextView, AttachmentTextRequest>(DRAFTING_RPC.attachmentText, {
            actor,
            correlationId,
            payload: { documentId: secrecyCase.documentId, version: secrecyCase.version, sha256: file.sha256 },
          }),
        ),
      );
      attachmentTexts = new Map(texts.map((entry) => [entry.sha256, entry.text]));
    } catch (error) {
      if (error instanceof DomainError && error.kind !== 'unavailable' && error.kind !== 'internal') throw error;
      throw new DomainError('SECRECY.SCAN_UNAVAILABLE', { documentId: secrecyCase.documentId, version: secrecyCase.version });
    }
    const actualHash = contentHashOf(version.content);
    if (version.version !== secrecyCase.version || actualHash !== secrecyCase.contentHash) {
      this.logger.error(
        { alert: 'DOCUMENT.HASH_MISMATCH', documentId: secrecyCase.documentId, version: secrecyCase.version, signedHash: secrecyCase.contentHash, actualHash, correlationId },
        'content to scan differs from the signed content',
      );
      throw new DomainError('DOCUMENT.HASH_MISMATCH', { version: secrecyCase.version, signedHash: secrecyCase.contentHash, actualHash });
    }
    return { version, attachmentTexts };
  }

  private async store(manager: EntityManager, secrecyCase: SecrecyCaseOrmEntity, { version, attachmentTexts }: VersionToScan): Promise<SecrecyScanOrmEntity> {
    const snapshot = await this.snapshots.current(manager, secrecyCase.agencyId);
    const sections = documentSections(version.kind, version.content, version.title, attachmentTexts);
    const result = scanSections(sections, {
      dictionary: snapshot.dictionary,
      ...(snapshot.leaders === null ? {} : { leaders: snapshot.leaders, documentDate: version.createdAt.slice(0, 10) }),
    });
    if (!result.ok) throw new Error(`content checks refused the scan: ${result.error.code}`);
    const scan = Object.assign(new SecrecyScanOrmEntity(), {
      id: randomUUID(),
      documentId: secrecyCase.documentId,
      version: secrecyCase.version,
      contentHash: secrecyCase.contentHash,
      dictionaryVersion: snapshot.version,
      scannedAt: new Date(),
    });
    const findings = result.value.map((finding, ordinal) => toRow(scan, finding, ordinal));
    const stored = await this.secrecy.addScan(manager, scan, findings);
    if (!stored) {
      const winner = await this.secrecy.findScan(manager, secrecyCase.documentId, secrecyCase.version);
      if (winner === null) throw new Error('scan vanished');
      return winner;
    }
    await this.markFixed(manager, scan, findings);
    this.logger.info(
      { documentId: scan.documentId, version: scan.version, dictionaryVersion: scan.dictionaryVersion, findings: findings.length },
      'version scanned',
    );
    return scan;
  }

  private async markFixed(manager: EntityManager, scan: SecrecyScanOrmEntity, findings: SecrecyFindingOrmEntity[]): Promise<void> {
    const present = new Set(findings.map(findingKey));
    for (const earlier of await this.secrecy.openFindingsBefore(manager, scan.documentId, scan.version)) {
      if (present.has(findingKey(earlier))) continue;
      Object.assign(earlier, {
        disposition: 'fixed' as const,
        dispositionReason: `第${scan.version}版已修改`,
        disposedById: 'system',
        disposedByName: '系统',
        disposedAt: scan.scannedAt,
      });
      await this.secrecy.saveFinding(manager, earlier);
    }
  }
}

function findingKey(finding: Pick<SecrecyFindingOrmEntity, 'section' | 'type' | 'matched'>): string {
  return `${finding.section}\u0000${finding.type}\u0000${finding.matched}`;
}

function toRow(scan: SecrecyScanOrmEntity, finding: SectionFinding, ordinal: number): SecrecyFindingOrmEntity {
  return Object.assign(new SecrecyFindingOrmEntity(), {
    id: randomUUID(),
    scanId: scan.id,
    documentId: scan.documentId,
    version: scan.version,
    ordinal,
    section: finding.section,
    type: finding.type,
    severity: finding.severity,
    start: finding.start,
    end: finding.end,
    matched: finding.matched,
    suggestion: finding.suggestion,
    message: finding.message,
    disposition: null,
    dispositionReason: null,
    disposedById: null,
    disposedByName: null,
    disposedAt: null,
  });
}
