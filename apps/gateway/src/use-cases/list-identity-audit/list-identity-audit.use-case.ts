import { Injectable } from '@nestjs/common';
import type { Actor } from '@sanshen/kernel';
import { OrganisationRepository } from '../../persistence/organisation.repository.js';
import type { IdentityAuditRecord } from '../../persistence/organisation.repository.js';
import { requireAuditor } from '../identity-rules.js';
import { recordIdentityAudit } from '../organisation-audit.js';

/** The auditor reads the organisation's audit trail, newest first; the reading is itself recorded. */
@Injectable()
export class ListIdentityAuditUseCase {
  constructor(private readonly organisation: OrganisationRepository) {}

  async execute(
    actor: Actor,
    input: { limit?: number; cursor?: string },
    correlationId: string,
  ): Promise<{ items: IdentityAuditRecord[]; nextCursor: string | null }> {
    requireAuditor(actor);
    const limit = input.limit ?? 100;
    const rows = await this.organisation.listAudit(actor.agencyId, { limit: limit + 1, before: input.cursor });
    await this.organisation.transaction((manager) =>
      recordIdentityAudit(this.organisation, manager, actor, correlationId, {
        action: 'identity_audit.read',
        targetType: 'identity_audit',
        targetId: null,
        details: { cursor: input.cursor ?? null, limit },
      }),
    );
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
  }
}
