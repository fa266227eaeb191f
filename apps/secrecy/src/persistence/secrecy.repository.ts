import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { SecrecyCaseOrmEntity } from './secrecy-case.orm-entity.js';
import { SecrecyDecisionOrmEntity } from './secrecy-decision.orm-entity.js';

@Injectable()
export class SecrecyRepository {
  constructor(private readonly dataSource: DataSource) {}

  lockCase(manager: EntityManager, documentId: string): Promise<SecrecyCaseOrmEntity | null> {
    return manager.findOne(SecrecyCaseOrmEntity, { where: { documentId }, lock: { mode: 'pessimistic_write' } });
  }

  findCase(documentId: string): Promise<SecrecyCaseOrmEntity | null> {
    return this.dataSource.manager.findOne(SecrecyCaseOrmEntity, { where: { documentId } });
  }

  async saveCase(manager: EntityManager, secrecyCase: SecrecyCaseOrmEntity): Promise<void> {
    await manager.save(SecrecyCaseOrmEntity, secrecyCase);
  }

  async addDecision(manager: EntityManager, decision: SecrecyDecisionOrmEntity): Promise<void> {
    await manager.insert(SecrecyDecisionOrmEntity, decision);
  }

  latestDecision(documentId: string, version: number): Promise<SecrecyDecisionOrmEntity | null> {
    return this.dataSource.manager.findOne(SecrecyDecisionOrmEntity, {
      where: { documentId, version },
      order: { decidedAt: 'DESC' },
    });
  }
}
