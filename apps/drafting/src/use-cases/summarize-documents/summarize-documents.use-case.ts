import { Injectable } from '@nestjs/common';
import type { DocumentSummariesRequest, DocumentSummaryList } from '@sanshen/contracts';
import type { Actor } from '@sanshen/kernel';
import { readScopeOf } from '@sanshen/workflow';
import { DocumentRepository } from '../../persistence/document.repository.js';

/** At most this many documents per request (a task list's page). */
const MAX_IDS = 500;

/**
 * What a list row shows of several documents — title, kind, 栏目, author, department, status — for
 * those the caller may read; the others are left out, as if they did not exist.
 */
@Injectable()
export class SummarizeDocumentsUseCase {
  constructor(private readonly documents: DocumentRepository) {}

  async execute(actor: Actor, request: DocumentSummariesRequest): Promise<DocumentSummaryList> {
    const scope = readScopeOf(actor, new Date());
    if (scope === null) return { items: [] };
    const rows = await this.documents.summaries(scope, [...new Set(request.documentIds)].slice(0, MAX_IDS));
    return {
      items: rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        title: row.title,
        column: row.column,
        authorId: row.authorId,
        departmentId: row.departmentId,
        status: row.status,
        openFindings: row.findingCounts,
      })),
    };
  }
}
