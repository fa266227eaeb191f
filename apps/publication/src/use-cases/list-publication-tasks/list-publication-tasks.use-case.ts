import { Injectable } from '@nestjs/common';
import type { ServiceTask, ServiceTaskList } from '@sanshen/contracts';
import type { Actor } from '@sanshen/kernel';
import type { PublicationOrmEntity } from '../../persistence/publication.orm-entity.js';
import { PublicationRepository } from '../../persistence/publication.repository.js';

/**
 * What waits in publication: for publishers, scheduled publications (定时发布), failures to retry and
 * their retraction requests awaiting authorization; for principals, the retractions to authorize.
 */
@Injectable()
export class ListPublicationTasksUseCase {
  constructor(private readonly publications: PublicationRepository) {}

  async execute(actor: Actor): Promise<ServiceTaskList> {
    const publisher = actor.roles.includes('publisher');
    const principal = actor.roles.includes('principal');
    if (!publisher && !principal) return { items: [] };
    const rows = await this.publications.awaitingAction(actor.agencyId);
    const items = rows.flatMap((row): ServiceTask[] => {
      const task = taskOf(row);
      if (task.kind === 'retraction_request') return publisher || principal ? [task] : [];
      return publisher ? [task] : [];
    });
    return { items };
  }
}

function taskOf(row: PublicationOrmEntity): ServiceTask {
  const base = { documentId: row.documentId, version: row.version, level: null, dueAt: null, openFindings: null };
  if (row.state === 'scheduled') {
    return { ...base, kind: 'scheduled', arrivedAt: row.createdAt.toISOString(), dueAt: row.scheduledAt?.toISOString() ?? null, note: null };
  }
  if (row.state === 'publish_failed') {
    return { ...base, kind: 'publish_failed', arrivedAt: row.updatedAt.toISOString(), note: row.failureReason };
  }
  return { ...base, kind: 'retraction_request', arrivedAt: (row.retractRequestedAt ?? row.updatedAt).toISOString(), note: row.retractReason };
}
