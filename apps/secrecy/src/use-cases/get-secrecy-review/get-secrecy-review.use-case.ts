import { Injectable } from '@nestjs/common';
import type { GetDocumentRequest, SecrecyReviewView } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { DataSource } from 'typeorm';
import type { SecrecyScanOrmEntity } from '../../persistence/secrecy-scan.orm-entity.js';
import { SecrecyRepository } from '../../persistence/secrecy.repository.js';
import { ScanVersionUseCase } from '../scan-version/scan-version.use-case.js';
import { caseInAgency } from '../secrecy-guards.js';
import { toDecisionView, toFindingView } from '../secrecy-view.js';

/**
 * The current version's secrecy review: the automated findings with their dispositions, the
 * dictionary version the scan used, the decisions (a referral and its answer) and the latest one.
 */
@Injectable()
export class GetSecrecyReviewUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly secrecy: SecrecyRepository,
    private readonly scan: ScanVersionUseCase,
  ) {}

  async execute(actor: Actor, request: GetDocumentRequest, correlationId = ''): Promise<SecrecyReviewView> {
    const found = await this.secrecy.findCase(request.documentId);
    if (found === null) throw new DomainError('SECRECY.CASE_NOT_FOUND');
    const secrecyCase = caseInAgency(found, actor);
    let scan: SecrecyScanOrmEntity | null = await this.secrecy.findScan(this.dataSource.manager, secrecyCase.documentId, secrecyCase.version);
    if (scan === null && secrecyCase.status === 'pending_secrecy') {
      // The scan was deferred (drafting unreachable when 三审 ended): make it now if possible. A version
      // that cannot be scanned (unreachable, or not what was signed) shows no scan; deciding says why.
      scan = await this.scan.ensure(secrecyCase, correlationId).catch((error: unknown) => {
        if (error instanceof DomainError) return null;
        throw error;
      });
    }
    const findings = scan === null ? [] : (await this.secrecy.findings(this.dataSource.manager, scan.id)).map(toFindingView);
    const decisions = (await this.secrecy.decisions(secrecyCase.documentId, secrecyCase.version)).map(toDecisionView);
    const referral = secrecyCase.openReferralId === null ? null : (decisions.find((decision) => decision.id === secrecyCase.openReferralId) ?? null);
    return {
      documentId: secrecyCase.documentId,
      version: secrecyCase.version,
      contentHash: secrecyCase.contentHash,
      status: secrecyCase.status,
      findings,
      decision: decisions.at(-1) ?? null,
      scan:
        scan === null
          ? null
          : { id: scan.id, version: scan.version, contentHash: scan.contentHash, dictionaryVersion: scan.dictionaryVersion, scannedAt: scan.scannedAt.toISOString() },
      openBlockingFindings: findings.filter((finding) => finding.severity === 'blocking' && finding.disposition === null).length,
      referral,
      decisions,
    };
  }
}
