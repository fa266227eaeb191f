import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { insertRow, lockRow, updateRow } from '@sanshen/messaging';
import type { LifecycleState } from '@sanshen/workflow';
import { DocumentStateOrmEntity } from './document-state.orm-entity.js';

export interface DocumentStateUpdate {
  documentId: string;
  agencyId: string;
  state: LifecycleState | null;
  position: number;
  eventId: string;
  documentHash: string;
}

/** The ledger's per-document state: lifecycle fold and the head of the document's chain. */
@Injectable()
export class DocumentStateRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Reads and locks the document's row for the transaction; null for a document not seen yet. */
  lockForAppend(manager: EntityManager, documentId: string): Promise<DocumentStateOrmEntity | null> {
    return lockRow(manager, DocumentStateOrmEntity, documentId);
  }

  /** Records the state after an append; the agency of a known document never changes here. */
  async saveAfterAppend(manager: EntityManager, previous: DocumentStateOrmEntity | null, update: DocumentStateUpdate): Promise<void> {
    if (previous === null) {
      await insertRow(manager, DocumentStateOrmEntity, {
        documentId: update.documentId,
        agencyId: update.agencyId,
        state: update.state,
        entryCount: 1,
        lastPosition: update.position,
        lastEventId: update.eventId,
        lastHash: update.documentHash,
        updatedAt: new Date(),
      });
      return;
    }
    await updateRow(manager, DocumentStateOrmEntity, {
      documentId: update.documentId,
      state: update.state,
      entryCount: previous.entryCount + 1,
      lastPosition: update.position,
      lastEventId: update.eventId,
      lastHash: update.documentHash,
      updatedAt: new Date(),
    } as DocumentStateOrmEntity);
  }

  find(documentId: string, manager: EntityManager = this.dataSource.manager): Promise<DocumentStateOrmEntity | null> {
    return manager.getRepository(DocumentStateOrmEntity).findOneBy({ documentId });
  }
}
