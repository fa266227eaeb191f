import { Injectable } from '@nestjs/common';
import type { ArticleContent, DiffDocumentRequest, DocumentDiffView } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { articleText } from '../../content/article-text.js';
import { articleOf } from '../../content/document-content.js';
import { SECTION_LABELS, changedCells, isAnnualReportContent } from '../../content/annual-report-content.js';
import { DocumentRepository } from '../../persistence/document.repository.js';
import { assertVisible } from '../document-access.js';
import { diffText } from './text-diff.js';

const ARTICLE_FIELDS: Record<keyof ArticleContent, string> = { title: '标题', column: '栏目', body: '正文', catalogue: '公开目录', attachments: '附件' };

/** The 公开目录 fields as one line a reviewer reads (a field not given is not shown). */
function catalogueText(content: ArticleContent): string {
  const c = content.catalogue ?? {};
  const parts: [string, string | undefined][] = [['成文日期', c.writtenOn], ['文号', c.documentNumber], ['主题分类', c.topic], ['公开方式', c.openness]];
  return parts.filter(([, value]) => value !== undefined).map(([label, value]) => `${label}：${value ?? ''}`).join('；');
}

/** Attachments as one line each (name and hash prefix): adding, removing or replacing one shows. */
function attachmentsText(content: ArticleContent): string {
  return (content.attachments ?? []).map((file) => `${file.filename}（${file.sha256.slice(0, 12)}）`).join('\n');
}

/**
 * What changed between two versions: the text of each section (or article field) and the table
 * cells. By default from the last version that received a review decision or was published (what
 * the reviewers last saw) to the current one.
 */
@Injectable()
export class DiffDocumentUseCase {
  constructor(private readonly documents: DocumentRepository) {}

  async execute(actor: Actor, request: DiffDocumentRequest): Promise<DocumentDiffView> {
    const document = await this.documents.findById(request.documentId);
    assertVisible(actor, document);
    const to = request.to ?? document.version;
    const from = request.from ?? Math.min(document.decidedVersion ?? 1, to);
    const [before, after] = await Promise.all([this.documents.findVersion(document.id, from), this.documents.findVersion(document.id, to)]);
    if (before === null) throw new DomainError('DOCUMENT.NOT_FOUND', { version: from });
    if (after === null) throw new DomainError('DOCUMENT.NOT_FOUND', { version: to });
    if (document.kind === 'article') {
      const a = articleOf(before.content);
      const b = articleOf(after.content);
      // The body is compared as the text a reader sees, not as HTML: a change of markup alone is no change.
      const text = (content: ArticleContent, key: keyof ArticleContent): string =>
        key === 'body' ? articleText(content.body) : key === 'catalogue' ? catalogueText(content) : key === 'attachments' ? attachmentsText(content) : content[key];
      const sections = (Object.keys(ARTICLE_FIELDS) as (keyof ArticleContent)[])
        .filter((key) => text(a, key) !== text(b, key))
        .map((key) => ({ key, label: ARTICLE_FIELDS[key], ops: diffText(text(a, key), text(b, key)) }));
      return { documentId: document.id, from, to, sections, cells: [] };
    }
    if (!isAnnualReportContent(before.content) || !isAnnualReportContent(after.content)) {
      throw new DomainError('ANNUAL_REPORT.NOT_AN_ANNUAL_REPORT');
    }
    const a = before.content;
    const b = after.content;
    const sections = (Object.keys(SECTION_LABELS) as (keyof typeof SECTION_LABELS)[])
      .filter((key) => a.sections[key] !== b.sections[key])
      .map((key) => ({ key, label: SECTION_LABELS[key], ops: diffText(a.sections[key], b.sections[key]) }));
    return { documentId: document.id, from, to, sections, cells: changedCells(a, b) };
  }
}
