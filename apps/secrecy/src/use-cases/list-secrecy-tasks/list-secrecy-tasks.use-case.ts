import { Injectable } from '@nestjs/common';
import type { ServiceTaskList } from '@sanshen/contracts';
import type { Actor } from '@sanshen/kernel';
import { SecrecyRepository } from '../../persistence/secrecy.repository.js';

/**
 * The secrecy officer's queue: the agency's documents at 保密审查, and those held for a referral's
 * answer, first arrived first, with the open findings of the version's scan. Nobody else has one.
 */
@Injectable()
export class ListSecrecyTasksUseCase {
  constructor(private readonly secrecy: SecrecyRepository) {}

  async execute(actor: Actor): Promise<ServiceTaskList> {
    if (!actor.roles.includes('secrecy_officer')) return { items: [] };
    const cases = await this.secrecy.queue(actor.agencyId);
    const findings = await this.secrecy.openFindingCounts(cases.map((entry) => ({ documentId: entry.documentId, version: entry.version })));
    return {
      items: cases.map((entry) => ({
        kind: entry.openReferralId === null ? 'secrecy_review' : 'referral',
        documentId: entry.documentId,
        version: entry.version,
        level: null,
        arrivedAt: (entry.enteredAt ?? new Date(0)).toISOString(),
        dueAt: null,
        openFindings: findings.get(entry.documentId) ?? { total: 0, blocking: 0 },
        note: entry.openReferralId === null ? null : '已报请保密行政管理部门审查，待答复',
      })),
    };
  }
}
