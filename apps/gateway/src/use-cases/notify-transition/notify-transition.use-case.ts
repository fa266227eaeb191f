import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { lifecycleTypeOf } from '@sanshen/contracts';
import type { DocumentEventPayloads, DocumentFacts, EventEnvelope, SignaturePayload } from '@sanshen/contracts';
import { isDocumentEventType, ROLES } from '@sanshen/kernel';
import { writeBehind } from '@sanshen/messaging';
import type { DocumentEventType, DocumentStatus } from '@sanshen/kernel';
import { ROOT_LOGGER } from '@sanshen/platform';
import { checkTransition } from '@sanshen/workflow';
import type { Performer } from '@sanshen/workflow';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import { DelegatedDuties } from '../../adapters/auth/delegated-duties.js';
import { NoticeRepository } from '../../persistence/notice.repository.js';
import type { NoticeDocument } from '../../persistence/notice.repository.js';
import { informationalNoticeFor, noticeFor } from './transition-notices.js';
import type { Audience, NoticeDraft } from './transition-notices.js';

const ANYONE: readonly Performer[] = [...ROLES, 'system'];
const FACT_EVENTS: ReadonlySet<string> = new Set(['created', 'revised', 'submitted']);

/** A notice just recorded, for the live streams and the outbound channels. */
export interface RecordedNotice {
  userIds: string[];
  agencyId: string;
  eventId: string;
  documentId: string;
  kind: string;
  title: string;
  message: string;
  createdAt: string;
}

/**
 * Every transition notifies the people it concerns (站内通知), in the transaction that records the
 * event in the gateway's inbox: whom (transition-notices.ts), resolved to today's holders of the duty
 * and their delegates, never the person who acted. Keeps what notices need of each document.
 */
@Injectable()
export class NotifyTransitionUseCase {
  constructor(
    private readonly notices: NoticeRepository,
    private readonly duties: DelegatedDuties,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  /** The document as notices know it, for an event they follow (null otherwise): what `execute` reads first. */
  read(event: EventEnvelope, manager: EntityManager): Promise<NoticeDocument | null> {
    return lifecycleTypeOf(event.type) === null ? Promise.resolve(null) : this.notices.document(manager, event.documentId);
  }

  /** `known`: what `read` read in this transaction (the consumer reads it along with the inbox statement). */
  async execute(event: EventEnvelope, manager: EntityManager, known: NoticeDocument | null): Promise<RecordedNotice | null> {
    const type = lifecycleTypeOf(event.type);
    if (type === null) return null;
    const followed = isDocumentEventType(type) ? this.follow(event, type, known, manager) : this.informational(event, known);
    if (followed === null) return null;
    const { document, draft } = followed;
    const userIds = new Set<string>();
    for (const audience of draft.audiences) for (const userId of await this.resolve(manager, audience, document)) userIds.add(userId);
    for (const userId of await this.delegatesOf(document, [...userIds], draft.audiences, event.correlationId)) userIds.add(userId);
    userIds.delete(event.actor.userId);
    if (userIds.size === 0) return null;
    const createdAt = new Date().toISOString();
    const notices = [...userIds].map((userId) => ({
      id: randomUUID(),
      userId,
      agencyId: document.agencyId,
      documentId: document.documentId,
      eventId: event.id,
      kind: draft.kind,
      title: document.title,
      message: draft.message,
    }));
    // Sent behind: the consumer's COMMIT confirms it (nothing here needs its answer).
    writeBehind(manager, this.notices.insert(manager, notices));
    return {
      userIds: [...userIds],
      agencyId: document.agencyId,
      eventId: event.id,
      documentId: document.documentId,
      kind: draft.kind,
      title: document.title,
      message: draft.message,
      createdAt,
    };
  }

  /** A lifecycle event: keeps the document's facts and status, and says whom the transition concerns. */
  private follow(event: EventEnvelope, type: DocumentEventType, known: NoticeDocument | null, manager: EntityManager): { document: NoticeDocument; draft: NoticeDraft } | null {
    const document = FACT_EVENTS.has(type) ? withFacts(known, event.documentId, event.payload as DocumentFacts) : known;
    if (document === null) return null;
    const moved = checkTransition(document.status as DocumentStatus, type, ANYONE);
    const next = moved.ok ? moved.value : (document.status as DocumentStatus);
    if (type === 'approved_l1' || type === 'approved_l2' || type === 'approved_l3') {
      const signature = event.payload as SignaturePayload;
      if (signature.version === document.version) document.signers = [...new Set([...document.signers, signature.signerId])];
    }
    document.status = next;
    writeBehind(manager, this.notices.saveDocument(manager, document));
    const draft = noticeFor(type, event.payload as DocumentEventPayloads[typeof type], document.title, moved.ok ? next : null);
    return draft === null ? null : { document, draft };
  }

  /** An informational event (a referral, a retraction request): moves nothing, may concern someone. */
  private informational(event: EventEnvelope, document: NoticeDocument | null): { document: NoticeDocument; draft: NoticeDraft } | null {
    const draft = document === null ? null : informationalNoticeFor(event.type, event.payload, document.title);
    return document === null || draft === null ? null : { document, draft };
  }

  private resolve(manager: EntityManager, audience: Audience, document: NoticeDocument): Promise<string[]> {
    switch (audience.kind) {
      case 'author':
        return Promise.resolve([document.authorId]);
      case 'signers':
        return Promise.resolve(document.signers);
      case 'role':
        return this.notices.holders(manager, document.agencyId, audience.role);
      case 'reviewers':
        if (audience.level === 1) return this.notices.holders(manager, document.agencyId, 'dept_head', { department: document.departmentId });
        if (audience.level === 2) return this.notices.holders(manager, document.agencyId, 'deputy', { oversees: document.departmentId });
        return this.notices.holders(manager, document.agencyId, 'principal');
    }
  }

  /** Review duties reach the reviewers' delegates too; without review the notice still reaches the reviewers. */
  private async delegatesOf(document: NoticeDocument, reviewers: string[], audiences: Audience[], correlationId: string): Promise<string[]> {
    if (reviewers.length === 0 || !audiences.some((audience) => audience.kind === 'reviewers')) return [];
    try {
      return await this.duties.delegatesOf(document.agencyId, reviewers, correlationId);
    } catch (error) {
      this.logger.warn({ err: error, documentId: document.documentId, correlationId }, 'notices: delegates unavailable, notifying the reviewers only');
      return [];
    }
  }
}

function withFacts(known: NoticeDocument | null, documentId: string, facts: DocumentFacts): NoticeDocument {
  const sameVersion = known !== null && known.version === facts.version;
  return {
    documentId,
    agencyId: facts.agencyId,
    departmentId: facts.departmentId,
    authorId: facts.authorId,
    title: facts.title,
    status: known?.status ?? 'draft',
    version: facts.version,
    signers: sameVersion ? known.signers : [],
  };
}
