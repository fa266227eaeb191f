import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { preparedQuery } from '@sanshen/messaging';

/** What a notice needs of a document, kept from its events. */
export interface NoticeDocument {
  documentId: string;
  agencyId: string;
  departmentId: string;
  authorId: string;
  title: string;
  status: string;
  version: number;
  signers: string[];
}

export interface NoticeRow {
  id: string;
  documentId: string;
  kind: string;
  title: string;
  message: string;
  createdAt: string;
  readAt: string | null;
}

const NOTICE_COLUMNS = `id, document_id AS "documentId", kind, title, message, created_at AS "createdAt", read_at AS "readAt"`;

@Injectable()
export class NoticeRepository {
  constructor(private readonly dataSource: DataSource) {}

  async document(manager: EntityManager, documentId: string): Promise<NoticeDocument | null> {
    const rows = await preparedQuery<NoticeDocument>(
      manager,
      'notice_document',
      `SELECT document_id AS "documentId", agency_id AS "agencyId", department_id AS "departmentId", author_id AS "authorId",
              title, status, version, signers
         FROM notice_documents WHERE document_id = $1 FOR UPDATE`,
      [documentId],
    );
    return rows[0] ?? null;
  }

  async saveDocument(manager: EntityManager, document: NoticeDocument): Promise<void> {
    await preparedQuery(
      manager,
      'notice_document_save',
      `INSERT INTO notice_documents (document_id, agency_id, department_id, author_id, title, status, version, signers)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (document_id) DO UPDATE SET department_id = $3, author_id = $4, title = $5, status = $6, version = $7, signers = $8`,
      [document.documentId, document.agencyId, document.departmentId, document.authorId, document.title, document.status, document.version, document.signers],
    );
  }

  /** Active users of the agency holding the role (in the department, or overseeing it, where given). */
  async holders(manager: EntityManager, agencyId: string, role: string, scope: { department?: string; oversees?: string } = {}): Promise<string[]> {
    const rows = await preparedQuery<{ id: string }>(
      manager,
      'notice_holders',
      `SELECT u.id FROM users u JOIN role_grants g ON g.user_id = u.id
        WHERE u.agency_id = $1 AND u.active AND g.role = $2
          AND ($3::uuid IS NULL OR u.department_id = $3)
          AND ($4::uuid IS NULL OR EXISTS (SELECT 1 FROM deputy_oversight o WHERE o.user_id = u.id AND o.department_id = $4))`,
      [agencyId, role, scope.department ?? null, scope.oversees ?? null],
    );
    return rows.map((row) => row.id);
  }

  /** One statement for all the event's recipients, however many. */
  async insert(manager: EntityManager, notices: { id: string; userId: string; agencyId: string; documentId: string; eventId: string; kind: string; title: string; message: string }[]): Promise<void> {
    if (notices.length === 0) return;
    const column = <K extends keyof (typeof notices)[number]>(key: K) => notices.map((notice) => notice[key]);
    await preparedQuery(
      manager,
      'notices_insert',
      `INSERT INTO notices (id, user_id, agency_id, document_id, event_id, kind, title, message)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[])
       ON CONFLICT (user_id, event_id) DO NOTHING`,
      [column('id'), column('userId'), column('agencyId'), column('documentId'), column('eventId'), column('kind'), column('title'), column('message')],
    );
  }

  list(userId: string, filter: { unreadOnly: boolean; limit: number }): Promise<NoticeRow[]> {
    return this.dataSource.query(
      `SELECT ${NOTICE_COLUMNS} FROM notices WHERE user_id = $1 AND ($2::boolean = false OR read_at IS NULL) ORDER BY created_at DESC LIMIT $3`,
      [userId, filter.unreadOnly, filter.limit],
    ) as Promise<NoticeRow[]>;
  }

  async unreadCount(userId: string): Promise<number> {
    const rows = (await this.dataSource.query('SELECT count(*)::int AS n FROM notices WHERE user_id = $1 AND read_at IS NULL', [userId])) as { n: number }[];
    return rows[0]?.n ?? 0;
  }

  /** Marks the user's notices read (these ids, or all): how many changed. */
  async markRead(userId: string, ids: string[] | 'all'): Promise<number> {
    const result = (await this.dataSource.query(
      `UPDATE notices SET read_at = now() WHERE user_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))`,
      [userId, ids === 'all' ? null : ids],
    )) as [unknown[], number];
    return result[1];
  }
}
