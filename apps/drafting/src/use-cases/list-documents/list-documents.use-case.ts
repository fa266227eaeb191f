import { Injectable } from '@nestjs/common';
import type { DocumentPage, ListDocumentsRequest } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { readScopeOf } from '@sanshen/workflow';
import { DocumentRepository } from '../../persistence/document.repository.js';
import { toDocumentView } from '../document-view.js';

const MAX_LIMIT = 100;

/** The documents the actor may read (visibility policy, applied in the query), newest change first, with an opaque cursor. Content is left out of lists. */
@Injectable()
export class ListDocumentsUseCase {
  constructor(private readonly documents: DocumentRepository) {}

  async execute(actor: Actor, request: ListDocumentsRequest): Promise<DocumentPage> {
    const limit = Math.min(Math.max(request.limit ?? 20, 1), MAX_LIMIT);
    const scope = readScopeOf(actor, new Date());
    // Someone who may read no document (the 三员 roles) gets an empty list, never a hint of what exists.
    if (scope === null) return { items: [], nextCursor: null };
    const rows = await this.documents.search({
      scope,
      ...(request.status ? { status: request.status } : {}),
      ...(request.kind ? { kind: request.kind } : {}),
      ...(request.year ? { year: request.year } : {}),
      ...(request.departmentId ? { departmentId: request.departmentId } : {}),
      ...(request.q ? { q: request.q } : {}),
      ...(request.cursor ? { after: decodeCursor(request.cursor) } : {}),
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => toDocumentView(row, null)),
      nextCursor: rows.length > limit && last ? encodeCursor(last.updatedAt, last.id) : null,
    };
  }
}

function encodeCursor(updatedAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([updatedAt.toISOString(), id])).toString('base64url');
}

function decodeCursor(cursor: string): { updatedAt: Date; id: string } {
  try {
    const [updatedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(updatedAt);
    if (Number.isNaN(date.getTime()) || typeof id !== 'string') throw new Error('bad cursor');
    return { updatedAt: date, id };
  } catch {
    throw new DomainError('REQUEST.INVALID', { field: 'cursor' }, '分页游标无效');
  }
}
