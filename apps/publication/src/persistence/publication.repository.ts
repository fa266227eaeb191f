import { Injectable } from '@nestjs/common';
import { DomainError } from '@sanshen/kernel';
import { readRows } from '@sanshen/messaging';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { PublicationAttemptOrmEntity } from './publication-attempt.orm-entity.js';
import type { AttemptOutcome } from './publication-attempt.orm-entity.js';
import { PublicationNotificationOrmEntity } from './publication-notification.orm-entity.js';
import type { PublicationNotificationKind } from './publication-notification.orm-entity.js';
import { PublicationScheduleOrmEntity } from './publication-schedule.orm-entity.js';
import { PublicationOrmEntity } from './publication.orm-entity.js';
import type { PublicationState } from './publication.orm-entity.js';

export interface NewPublication {
  id: string;
  documentId: string;
  version: number;
  contentHash: string;
  agencyId: string;
  state: PublicationState;
  eventSeq: number;
  correlationId: string;
  causeEventId: string;
  scheduledAt: Date | null;
}

export interface NewAttempt {
  publicationId: string;
  run: number;
  jobId: string;
  at: Date;
  outcome: AttemptOutcome;
  httpStatus: number | null;
  error: string | null;
  durationMs: number;
}

export interface NewNotification {
  agencyId: string;
  documentId: string;
  publicationId: string;
  run: number;
  kind: PublicationNotificationKind;
  title: string;
  message: string;
}

/** What a transition (or an informational event, which keeps the state) changes besides the state and the sequence. */
export type TransitionChanges = Partial<
  Pick<
    PublicationOrmEntity,
    | 'run'
    | 'causeEventId'
    | 'receiptUrl'
    | 'publishedAt'
    | 'receiptContentHash'
    | 'failureReason'
    | 'correlationId'
    | 'retractReason'
    | 'retractRequestedBy'
    | 'retractRequestedAt'
    | 'retractAuthorizedBy'
    | 'retractedAt'
    | 'correctionStartedAt'
    | 'correctionStartedBy'
  >
>;

/** A document's latest publication among its rows: the newest version's, the last started. */
const LATEST = 'ORDER BY version DESC, created_at DESC LIMIT 1';

@Injectable()
export class PublicationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts a publication; false when this id or this document version already has one. */
  async create(manager: EntityManager, row: NewPublication): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(PublicationOrmEntity)
      .values({ ...row, run: 0 })
      .orIgnore()
      .returning(['id'])
      .execute();
    return result.raw.length > 0;
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<PublicationOrmEntity | null> {
    return manager.findOne(PublicationOrmEntity, { where: { id } });
  }

  /**
   * The publication as a step read it, locked for the step's transaction; one that another step moved
   * meanwhile (other state or sequence) is a lost race: DOCUMENT.VERSION_CONFLICT (409).
   */
  async lockAsRead(manager: EntityManager, read: Pick<PublicationOrmEntity, 'id' | 'documentId' | 'state' | 'eventSeq'>): Promise<PublicationOrmEntity> {
    const locked = await manager.findOne(PublicationOrmEntity, { where: { id: read.id }, lock: { mode: 'pessimistic_write' } });
    if (locked === null || locked.state !== read.state || locked.eventSeq !== read.eventSeq) {
      throw new DomainError('DOCUMENT.VERSION_CONFLICT', { documentId: read.documentId });
    }
    return locked;
  }

  /** The document's most recent publication (the newest version's). */
  async findLatestForDocument(documentId: string): Promise<PublicationOrmEntity | null> {
    const [latest] = await readRows(this.dataSource.manager, PublicationOrmEntity, 'latest_of_document', `document_id = $1 ${LATEST}`, [documentId]);
    return latest ?? null;
  }

  /** Publications whose push is under way or waiting for its scheduled time (to re-enqueue on boot). */
  listInFlight(): Promise<PublicationOrmEntity[]> {
    return this.dataSource.manager.find(PublicationOrmEntity, {
      where: [{ state: 'publishing' }, { state: 'scheduled' }],
      order: { createdAt: 'ASC' },
    });
  }

  /**
   * Serializes the steps that decide a document version's schedule against the start of its
   * publication (transaction-scoped advisory lock on the document).
   */
  async lockDocument(manager: EntityManager, documentId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7))`, [`publication:${documentId}`]);
  }

  findForVersion(manager: EntityManager, documentId: string, version: number): Promise<PublicationOrmEntity | null> {
    return manager.findOne(PublicationOrmEntity, { where: { documentId, version } });
  }

  findSchedule(manager: EntityManager, documentId: string, version: number): Promise<PublicationScheduleOrmEntity | null> {
    return manager.findOne(PublicationScheduleOrmEntity, { where: { documentId, version } });
  }

  /** Sets (or moves) the schedule of a document version. */
  async saveSchedule(manager: EntityManager, schedule: PublicationScheduleOrmEntity): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(PublicationScheduleOrmEntity)
      .values(schedule)
      .orUpdate(['publish_at', 'set_by', 'set_at', 'agency_id'], ['document_id', 'version'])
      .execute();
  }

  /** Moves a scheduled publication's time (it is still waiting). */
  async reschedule(manager: EntityManager, id: string, scheduledAt: Date): Promise<boolean> {
    const result = await manager.update(PublicationOrmEntity, { id, state: 'scheduled' }, { scheduledAt });
    return result.affected === 1;
  }

  /** Moves a publication (locked by `lockAsRead`) to `to` and its sequence one on. */
  async move(manager: EntityManager, locked: Pick<PublicationOrmEntity, 'id' | 'eventSeq'>, to: PublicationState, changes: TransitionChanges = {}): Promise<void> {
    await manager.update(PublicationOrmEntity, { id: locked.id }, { ...changes, state: to, eventSeq: locked.eventSeq + 1, updatedAt: () => 'now()' });
  }

  /** Records which event started the publication's current run (the causation of what follows). */
  async setCauseEvent(manager: EntityManager, id: string, eventId: string): Promise<void> {
    await manager.update(PublicationOrmEntity, { id }, { causeEventId: eventId });
  }

  /** Appends an attempt, numbered on from the publication's previous ones. */
  async recordAttempt(manager: EntityManager, attempt: NewAttempt): Promise<number> {
    const rows = (await manager.query(
      `INSERT INTO publication_attempts (publication_id, attempt, run, job_id, at, outcome, http_status, error, duration_ms)
       SELECT $1, coalesce(max(attempt), 0) + 1, $2, $3, $4, $5, $6, $7, $8 FROM publication_attempts WHERE publication_id = $1
       RETURNING attempt`,
      [
        attempt.publicationId,
        attempt.run,
        attempt.jobId,
        attempt.at,
        attempt.outcome,
        attempt.httpStatus,
        attempt.error === null ? null : attempt.error.slice(0, 2000),
        attempt.durationMs,
      ],
    )) as { attempt: number }[];
    return rows[0].attempt;
  }

  /** Attempts of one run of a publication. */
  async countAttempts(manager: EntityManager, publicationId: string, run: number): Promise<number> {
    return manager.count(PublicationAttemptOrmEntity, { where: { publicationId, run } });
  }

  /** Stores a notification for the agency's publishers; once per publication run and kind. */
  async recordNotification(manager: EntityManager, notification: NewNotification): Promise<void> {
    await manager.createQueryBuilder().insert().into(PublicationNotificationOrmEntity).values(notification).orIgnore().execute();
  }

  /** The agency's notifications, newest first. */
  recentNotifications(agencyId: string, limit: number): Promise<PublicationNotificationOrmEntity[]> {
    return this.dataSource.manager.find(PublicationNotificationOrmEntity, {
      where: { agencyId },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: limit,
    });
  }

  /**
   * A document's latest publication and its attempts, the two read side by side (two connections:
   * one round trip's wait, not two). Should another publication of the document start between the
   * two reads, the attempts of the one read are read again. Null when the document has none.
   */
  async findLatestWithAttempts(documentId: string): Promise<{ publication: PublicationOrmEntity; attempts: PublicationAttemptOrmEntity[] } | null> {
    const [publication, attempts] = await Promise.all([
      this.findLatestForDocument(documentId),
      readRows(
        this.dataSource.manager,
        PublicationAttemptOrmEntity,
        'of_latest',
        `publication_id = (SELECT id FROM publications WHERE document_id = $1 ${LATEST}) ORDER BY attempt`,
        [documentId],
      ),
    ]);
    if (publication === null) return null;
    const own = attempts.every((attempt) => attempt.publicationId === publication.id);
    return { publication, attempts: own ? attempts : await this.attemptsOf(publication.id) };
  }

  attemptsOf(publicationId: string): Promise<PublicationAttemptOrmEntity[]> {
    return this.dataSource.manager.find(PublicationAttemptOrmEntity, {
      where: { publicationId },
      order: { attempt: 'ASC' },
    });
  }

  /**
   * The agency's publications that wait for someone (each document's latest): scheduled, failed, and
   * published with a retraction requested but not yet authorized.
   */
  async awaitingAction(agencyId: string): Promise<PublicationOrmEntity[]> {
    const latest = await this.dataSource.manager
      .createQueryBuilder(PublicationOrmEntity, 'p')
      .distinctOn(['p.document_id'])
      .where('p.agency_id = :agencyId', { agencyId })
      .orderBy('p.document_id')
      .addOrderBy('p.created_at', 'DESC')
      .getMany();
    return latest
      .filter((row) => row.state === 'scheduled' || row.state === 'publish_failed' || (row.state === 'published' && row.retractRequestedAt !== null && row.retractAuthorizedBy === null))
      .sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime());
  }
}
