import { Injectable } from '@nestjs/common';
import { insertRow, lockRow, readRows, updateRow } from '@sanshen/messaging';
import { DataSource, In, IsNull, LessThan, MoreThan } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { DocumentStatus } from '@sanshen/kernel';
import type { RecordedSignature, ReviewCase, ReviewSignature } from '../domain/review-case.js';
import type { NewDelegation, ReviewDelegation } from '../domain/review-delegation.js';
import type { NewReviewNotification, ReviewNotification } from '../domain/review-notification.js';
import { ReviewCaseOrmEntity } from './review-case.orm-entity.js';
import { ReviewDelegationOrmEntity } from './review-delegation.orm-entity.js';
import { ReviewNotificationOrmEntity } from './review-notification.orm-entity.js';
import { ReviewSignatureOrmEntity } from './review-signature.orm-entity.js';

/** A delegation in force at the instant $3: not revoked, started, not ended. */
const IN_FORCE_AT_3 = 'revoked_at IS NULL AND starts_at <= $3 AND ends_at > $3';

@Injectable()
export class ReviewRepository {
  constructor(private readonly dataSource: DataSource) {}

  lockCase(manager: EntityManager, documentId: string): Promise<ReviewCase | null> {
    return lockRow(manager, ReviewCaseOrmEntity, documentId);
  }

  findCase(documentId: string): Promise<ReviewCase | null> {
    return this.dataSource.manager.findOne(ReviewCaseOrmEntity, { where: { documentId } });
  }

  /** A document's first case (opening its first review; TypeORM's save would read the row first). */
  async insertCase(manager: EntityManager, reviewCase: ReviewCase): Promise<void> {
    await insertRow(manager, ReviewCaseOrmEntity, reviewCase as ReviewCaseOrmEntity);
  }

  /** Writes back a case locked in this transaction (one UPDATE, no second read). */
  async updateCase(manager: EntityManager, reviewCase: ReviewCase): Promise<void> {
    await updateRow(manager, ReviewCaseOrmEntity, reviewCase as ReviewCaseOrmEntity);
  }

  async addSignature(manager: EntityManager, signature: ReviewSignature): Promise<void> {
    await insertRow(manager, ReviewSignatureOrmEntity, signature);
  }

  /** Approvals given on one version, oldest first. */
  approvalsOf(manager: EntityManager, documentId: string, version: number): Promise<RecordedSignature[]> {
    return readRows(manager, ReviewSignatureOrmEntity, 'approvals', `document_id = $1 AND version = $2 AND decision = 'approved' ORDER BY signed_at`, [documentId, version]);
  }

  /** The returns (to the drafter or the level below) of versions before this one, oldest first. */
  returnsBefore(documentId: string, version: number): Promise<RecordedSignature[]> {
    return this.dataSource.manager.find(ReviewSignatureOrmEntity, {
      where: { documentId, version: LessThan(version), decision: In(['returned', 'returned_previous']) },
      order: { signedAt: 'ASC' },
    });
  }

  /** Every decision on one version, oldest first. */
  decisionsOf(documentId: string, version: number): Promise<RecordedSignature[]> {
    return this.dataSource.manager.find(ReviewSignatureOrmEntity, { where: { documentId, version }, order: { signedAt: 'ASC' } });
  }

  openCases(agencyId: string, statuses: DocumentStatus[]): Promise<ReviewCase[]> {
    return this.dataSource.manager.find(ReviewCaseOrmEntity, {
      where: { agencyId, status: In(statuses) },
      order: { stageEnteredAt: 'ASC' },
      take: 500,
    });
  }

  /**
   * Open tasks, in all agencies, that may owe a reminder (not reminded, open since `remindFrom` at
   * the latest) or an escalation (not escalated, since `escalateFrom`), oldest first after `after`
   * (a page's last): the sweep's candidates, read from the index of tasks not escalated yet.
   */
  awaitingReminder(remindFrom: Date, escalateFrom: Date, after: { stageEnteredAt: Date; documentId: string }, limit: number): Promise<ReviewCase[]> {
    return readRows(
      this.dataSource.manager,
      ReviewCaseOrmEntity,
      'awaiting_reminder',
      `escalated_at IS NULL AND status IN ('pending_l1', 'pending_l2', 'pending_l3')
        AND ((reminded_at IS NULL AND stage_entered_at <= $1) OR stage_entered_at <= $2)
        AND (stage_entered_at, document_id) > ($3, $4)
        ORDER BY stage_entered_at, document_id LIMIT $5`,
      [remindFrom, escalateFrom, after.stageEnteredAt, after.documentId, limit],
    );
  }

  async addDelegation(delegation: NewDelegation): Promise<ReviewDelegation> {
    const saved = await this.dataSource.manager.save(ReviewDelegationOrmEntity, this.dataSource.manager.create(ReviewDelegationOrmEntity, delegation));
    return this.dataSource.manager.findOneOrFail(ReviewDelegationOrmEntity, { where: { id: saved.id } });
  }

  /** Delegations a user holds in an agency that are in force at `at`. */
  delegationsInForce(agencyId: string, toUserId: string, at: Date, manager: EntityManager = this.dataSource.manager): Promise<ReviewDelegation[]> {
    return readRows(manager, ReviewDelegationOrmEntity, 'in_force_to', `agency_id = $1 AND to_user_id = $2 AND ${IN_FORCE_AT_3} ORDER BY created_at`, [
      agencyId,
      toUserId,
      at,
    ]);
  }

  /** The users holding a delegation in force at `at` from any of these users. */
  async delegatesOf(agencyId: string, fromUserIds: string[], at: Date): Promise<string[]> {
    if (fromUserIds.length === 0) return [];
    const rows = await readRows(this.dataSource.manager, ReviewDelegationOrmEntity, 'in_force_from', `agency_id = $1 AND from_user_id = ANY($2::uuid[]) AND ${IN_FORCE_AT_3}`, [
      agencyId,
      fromUserIds,
      at,
    ]);
    return [...new Set(rows.map((row) => row.toUserId))];
  }

  /** Delegations given or held by a user that have not ended by `at`. */
  async delegationsOf(agencyId: string, userId: string, at: Date): Promise<{ given: ReviewDelegation[]; received: ReviewDelegation[] }> {
    const live = { agencyId, endsAt: MoreThan(at) };
    const [given, received] = await Promise.all([
      this.dataSource.manager.find(ReviewDelegationOrmEntity, { where: { ...live, fromUserId: userId }, order: { startsAt: 'ASC' } }),
      this.dataSource.manager.find(ReviewDelegationOrmEntity, { where: { ...live, toUserId: userId }, order: { startsAt: 'ASC' } }),
    ]);
    return { given, received };
  }

  findDelegation(id: string): Promise<ReviewDelegation | null> {
    return this.dataSource.manager.findOne(ReviewDelegationOrmEntity, { where: { id } });
  }

  async revokeDelegation(id: string, at: Date): Promise<void> {
    await this.dataSource.manager.update(ReviewDelegationOrmEntity, { id, revokedAt: IsNull() }, { revokedAt: at });
  }

  /** Inserts the notification unless this task already has one of this kind; true when inserted. */
  async addNotification(manager: EntityManager, notification: NewReviewNotification): Promise<ReviewNotification | null> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(ReviewNotificationOrmEntity)
      .values(notification)
      .orIgnore()
      .returning('*')
      .execute();
    const row = (result.raw as Record<string, unknown>[])[0];
    return row ? manager.findOne(ReviewNotificationOrmEntity, { where: { id: row.id as string } }) : null;
  }

  recentNotifications(agencyId: string, limit: number): Promise<ReviewNotification[]> {
    return this.dataSource.manager.find(ReviewNotificationOrmEntity, {
      where: { agencyId },
      order: { createdAt: 'DESC' },
      take: limit,
    });
  }
}
