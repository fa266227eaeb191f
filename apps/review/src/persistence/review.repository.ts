import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { DocumentStatus } from '@sanshen/contracts';
import { ReviewCaseOrmEntity } from './review-case.orm-entity.js';
import { ReviewSignatureOrmEntity } from './review-signature.orm-entity.js';

@Injectable()
export class ReviewRepository {
  constructor(private readonly dataSource: DataSource) {}

  lockCase(manager: EntityManager, documentId: string): Promise<ReviewCaseOrmEntity | null> {
    return manager.findOne(ReviewCaseOrmEntity, { where: { documentId }, lock: { mode: 'pessimistic_write' } });
  }

  async saveCase(manager: EntityManager, reviewCase: ReviewCaseOrmEntity): Promise<void> {
    await manager.save(ReviewCaseOrmEntity, reviewCase);
  }

  async addSignature(manager: EntityManager, signature: Partial<ReviewSignatureOrmEntity>): Promise<void> {
    await manager.insert(ReviewSignatureOrmEntity, signature);
  }

  /** Approvals given on one version, oldest first. */
  approvalsOf(manager: EntityManager, documentId: string, version: number): Promise<ReviewSignatureOrmEntity[]> {
    return manager.find(ReviewSignatureOrmEntity, {
      where: { documentId, version, decision: 'approved' },
      order: { signedAt: 'ASC' },
    });
  }

  openCases(agencyId: string, statuses: DocumentStatus[]): Promise<ReviewCaseOrmEntity[]> {
    return this.dataSource.manager.find(ReviewCaseOrmEntity, {
      where: { agencyId, status: In(statuses) },
      order: { stageEnteredAt: 'ASC' },
      take: 500,
    });
  }
}
