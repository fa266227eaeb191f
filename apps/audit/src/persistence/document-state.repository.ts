import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { lockRow } from '@sanshen/messaging';
import { DocumentStateOrmEntity } from './document-state.orm-entity.js';

/** The ledger's per-document state: lifecycle fold and the head of the document's chain. */
@Injectable()
export class DocumentStateRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Reads and locks the document's row for the transaction; null for a document not seen yet. */
  lockForAppend(manager: EntityManager, documentId: string): Promise<DocumentStateOrmEntity | null> {
    return lockRow(manager, DocumentStateOrmEntity, documentId);
  }

  find(documentId: string, manager: EntityManager = this.dataSource.manager): Promise<DocumentStateOrmEntity | null> {
    return manager.getRepository(DocumentStateOrmEntity).findOneBy({ documentId });
  }
}
