import { Injectable } from '@nestjs/common';
import type { DocumentView, ExplainedFinding, SubmitDocumentRequest } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { DocumentTransition, writeBehind } from '@sanshen/messaging';
import { assertTransition } from '@sanshen/workflow';
import type { EntityManager } from 'typeorm';
import { isAnnualReportContent, unresolvedCells } from '../../content/annual-report-content.js';
import type { DocumentContent } from '../../content/document-content.js';
import type { DocumentOrmEntity } from '../../persistence/document.orm-entity.js';
import { DocumentRepository } from '../../persistence/document.repository.js';
import { DocumentVersionOrmEntity } from '../../persistence/document-version.orm-entity.js';
import { CheckDocumentUseCase } from '../check-document/check-document.use-case.js';
import { checkAnnualReport } from '../check-document/document-checks.js';
import { assertDrafterOf, assertVersion, assertVisible } from '../document-access.js';
import { documentEvent } from '../document-event.js';
import { documentFacts } from '../document-facts.js';
import { toDocumentView } from '../document-view.js';
import { PreviousYearReports } from '../previous-year-report.js';
import { explainBlockingFindings } from './explained-findings.js';

const MAX_EXPLANATION_LENGTH = 5_000;

/** What the content gate read and found: the version's content, the blocking findings explained, the counts. */
interface ContentGate {
  content: DocumentContent;
  explained: ExplainedFinding[];
  counts: { total: number; blocking: number };
}

/**
 * The drafter hands the exact version over to review: draft → pending_l1, event `submitted`.
 * An annual report is refused while an error-severity rule fails (the findings in `details`), and
 * needs the drafter's written explanation while a warning-severity rule fails; the explanation
 * travels in the event and stays on the document for reviewers. Every document runs the content
 * checks secrecy review will run: each blocking finding needs an explanation too, kept with the
 * version (and its findings counted for the reviewers' task lists).
 * From here the review service owns the document until it comes back.
 */
@Injectable()
export class SubmitDocumentUseCase {
  constructor(
    private readonly transition: DocumentTransition,
    private readonly documents: DocumentRepository,
    private readonly previousYear: PreviousYearReports,
    private readonly checks: CheckDocumentUseCase,
  ) {}

  async execute(actor: Actor, request: SubmitDocumentRequest, correlationId: string): Promise<DocumentView> {
    const gate = await this.contentGate(actor, request);
    const { decision: document } = await this.transition.run(
      {
        lock: (manager) => this.documents.findForUpdate(manager, request.documentId),
        decide: async (found, manager) => {
          assertVisible(actor, found);
          assertDrafterOf(actor, found);
          assertVersion(found, request.version);
          const status = assertTransition(found.status, 'submitted', actor);
          const explanation = found.kind === 'annual_report' ? await this.requireConsistency(manager, found, request.warningsExplanation) : null;
          found.status = status;
          found.eventSeq += 1;
          found.warningsExplanation = explanation;
          // Sent behind: the COMMIT confirms them.
          writeBehind(manager, this.documents.save(manager, found));
          writeBehind(
            manager,
            manager.update(DocumentVersionOrmEntity, { documentId: found.id, version: found.version }, { findingExplanations: gate.explained, findingCounts: gate.counts }),
          );
          return found;
        },
        emit: (found) => [
          documentEvent(found, 'submitted', { ...documentFacts(found), submitterId: actor.userId, warningsExplanation: found.warningsExplanation }, { actor, correlationId }),
        ],
      },
      { handOver: true },
    );
    // The version submitted is the one the gate read (the step refuses any other): its content, and
    // the explanations just kept with it.
    return toDocumentView(document, gate.content, gate.explained);
  }

  /** Refuses while errors remain; returns the explanation when warnings need one, else null. */
  /**
   * The same content checks as secrecy review, before the hand-over, with drafting's copy of the
   * secrecy dictionary (outside the transaction; the version is checked again inside it).
   */
  private async contentGate(
    actor: Actor,
    request: SubmitDocumentRequest,
  ): Promise<ContentGate> {
    const found = await this.documents.findWithCurrentVersion(request.documentId);
    const document = found?.document ?? null;
    assertVisible(actor, document);
    assertDrafterOf(actor, document);
    assertVersion(document, request.version);
    const version = found?.version ?? null;
    if (version === null) throw new DomainError('DOCUMENT.NOT_FOUND', { version: document.version });
    const findings = await this.checks.contentFindings(document.agencyId, document.kind, version.content, version.createdAt);
    const explained = explainBlockingFindings(findings, request.findingExplanations);
    return { content: version.content, explained, counts: { total: findings.length, blocking: findings.filter((finding) => finding.severity === 'blocking').length } };
  }

  private async requireConsistency(manager: EntityManager, document: DocumentOrmEntity, explanation: string | undefined): Promise<string | null> {
    const version = await this.documents.findVersion(document.id, document.version, manager);
    if (version === null || !isAnnualReportContent(version.content)) throw new DomainError('ANNUAL_REPORT.NOT_AN_ANNUAL_REPORT');
    const unresolved = unresolvedCells(version.content);
    if (unresolved.length > 0) {
      throw new DomainError(
        'ANNUAL_REPORT.AMBIGUOUS_CELLS',
        { cells: unresolved },
        `导入时有${unresolved.length}个单元格无法确定数值（${unresolved
          .slice(0, 5)
          .map((c) => `${c.table} ${c.row}·${c.column}`)
          .join('、')}${unresolved.length > 5 ? '等' : ''}），请逐一核对原文填写后再提交`,
      );
    }
    const previous = await this.previousYear.find(document.agencyId, version.content.year, manager);
    const check = checkAnnualReport(version.content, previous);
    const failing = (severity: string): string[] =>
      check.outcomes.filter((o) => o.status === 'FAIL' && o.severity === severity).map((o) => o.ruleId);
    const errorRules = failing('error');
    if (errorRules.length > 0) {
      throw new DomainError(
        'ANNUAL_REPORT.CONSISTENCY_FAILED',
        { rules: errorRules, errors: check.errors, warnings: check.warnings },
        `年度报告有${errorRules.length}条错误级校验规则未通过（${errorRules.join('、')}），请修改后再提交`,
      );
    }
    if (failing('warning').length === 0) return null;
    const text = explanation?.trim() ?? '';
    if (text === '') {
      throw new DomainError('ANNUAL_REPORT.WARNINGS_UNEXPLAINED', { rules: failing('warning'), warnings: check.warnings });
    }
    if (text.length > MAX_EXPLANATION_LENGTH) {
      throw new DomainError('REQUEST.INVALID', { field: 'warningsExplanation' }, `情况说明不能超过${MAX_EXPLANATION_LENGTH}字`);
    }
    return text;
  }
}
