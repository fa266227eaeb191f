import { Injectable } from '@nestjs/common';
import { documentSections } from '@sanshen/content-checks';
import type { CheckDocumentRequest, ContentFindingView, DocumentCheckView } from '@sanshen/contracts';
import { contentFindingKey, DomainError, isArticleContent } from '@sanshen/kernel';
import type { Actor, DocumentKind } from '@sanshen/kernel';
import { isAnnualReportContent } from '../../content/annual-report-content.js';
import type { DocumentContent } from '../../content/document-content.js';
import { AttachmentTextRepository } from '../../persistence/attachment-text.repository.js';
import { DocumentRepository } from '../../persistence/document.repository.js';
import { assertVisible } from '../document-access.js';
import { PreviousYearReports } from '../previous-year-report.js';
import { DictionaryCopy } from './dictionary-copy.js';
import type { ContentScan } from './dictionary-copy.js';
import { NO_RULES, checkAnnualReport } from './document-checks.js';
import type { RuleCheck } from './document-checks.js';

/**
 * Runs the consistency rules (annual reports, strict mode, with last year's report when the system
 * has it) and the content checks (every kind) over one version. The content checks run here, with
 * drafting's copy of the secrecy dictionary (the version the secrecy service last published), so
 * drafters see what the secrecy officer will; until a copy has arrived the built-in starter
 * dictionary stands in (`dictionaryVersion: null`). Read-only: anyone who may see the document may check it.
 */
@Injectable()
export class CheckDocumentUseCase {
  constructor(
    private readonly documents: DocumentRepository,
    private readonly previousYear: PreviousYearReports,
    private readonly dictionary: DictionaryCopy,
    private readonly attachmentTexts: AttachmentTextRepository,
  ) {}

  async execute(actor: Actor, request: CheckDocumentRequest): Promise<DocumentCheckView> {
    const document = await this.documents.findById(request.documentId);
    assertVisible(actor, document);
    const versionNumber = request.version ?? document.version;
    const version = await this.documents.requestedVersion(document, versionNumber);
    const rules = document.kind === 'article' ? NO_RULES : await this.reportRules(document.agencyId, version.content);
    // The same sections the secrecy scan reads (`title`, `body` / `sections.<key>`), so drafters see its findings first.
    const scan = await this.scan(document.agencyId, document.kind, version.content, version.createdAt);
    return { documentId: document.id, version: versionNumber, ...rules, findings: withKeys(scan.findings), dictionaryVersion: scan.dictionaryVersion };
  }

  private async reportRules(agencyId: string, content: DocumentContent): Promise<RuleCheck> {
    if (!isAnnualReportContent(content)) throw new DomainError('ANNUAL_REPORT.NOT_AN_ANNUAL_REPORT');
    return checkAnnualReport(content, await this.previousYear.find(agencyId, content.year));
  }

  /** The content-check findings of a version (drafting's copy of the dictionary, else the starter one), each with its key. */
  async contentFindings(agencyId: string, kind: DocumentKind, content: DocumentContent, createdAt: Date): Promise<ContentFindingView[]> {
    return withKeys((await this.scan(agencyId, kind, content, createdAt)).findings);
  }

  /** Attachments' texts are scanned as sections of their own (`attachments.<file name>`). */
  private async scan(agencyId: string, kind: DocumentKind, content: DocumentContent, createdAt: Date): Promise<ContentScan> {
    const attachments = isArticleContent(content) ? (content.attachments ?? []) : [];
    const texts = await this.attachmentTexts.texts(attachments.map((file) => file.sha256));
    return this.dictionary.scan(documentSections(kind, content, undefined, texts), agencyId, createdAt.toISOString().slice(0, 10));
  }
}

function withKeys(findings: ContentFindingView[]): ContentFindingView[] {
  return findings.map((finding) => ({ ...finding, key: contentFindingKey(finding) }));
}
