import { Inject, Injectable } from '@nestjs/common';
import { REVIEW_RPC } from '@sanshen/contracts';
import type { DelegatedDutiesView, DelegatesRequest, DelegatesView } from '@sanshen/contracts';
import { systemActor } from '@sanshen/kernel';
import type { Actor, DelegatedDuty } from '@sanshen/kernel';
import { ROOT_LOGGER } from '@sanshen/platform/core';
import { ServiceClient } from '@sanshen/platform/rpc';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';

/** How long a user's delegated duties are reused before review is asked again. */
export const DELEGATED_DUTIES_TTL_MS = 5_000;
/** How long to wait for review before going on without delegated duties. */
const LOOKUP_TIMEOUT_MS = 2_000;
const MAX_ENTRIES = 10_000;

/**
 * The review duties delegated to a user (代签), asked of the review service that owns delegations and
 * kept for a few seconds per user, so that a delegate reads what the delegated duty needs in every
 * service. When review cannot answer, the user goes on without delegated duties: less visibility,
 * never more. The other way round, whom reviewers' duties reach (their delegates, told of the tasks
 * too), kept the same way. A delegation given or revoked through this gateway is seen at once by both
 * (`forget`); through another replica, within the TTL.
 */
@Injectable()
export class DelegatedDuties {
  private readonly cache = new LRUCache<string, DelegatedDuty[]>({ max: MAX_ENTRIES, ttl: DELEGATED_DUTIES_TTL_MS });
  /** Delegates of a set of reviewers, by agency and the sorted reviewer ids. */
  private readonly delegates = new LRUCache<string, { reviewers: readonly string[]; userIds: string[] }>({ max: MAX_ENTRIES, ttl: DELEGATED_DUTIES_TTL_MS });

  constructor(
    private readonly client: ServiceClient,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async of(actor: Actor, correlationId: string): Promise<DelegatedDuty[]> {
    // The 三员 roles read no document whatever is delegated to them; nobody else needs a lookup to sign in.
    if (actor.roles.includes('admin') || actor.roles.includes('auditor')) return [];
    const cached = this.cache.get(actor.userId);
    if (cached !== undefined) return cached;
    try {
      const view = await this.client.send<DelegatedDutiesView>(
        REVIEW_RPC.delegatedDuties,
        { actor, correlationId, payload: {} },
        LOOKUP_TIMEOUT_MS,
      );
      this.cache.set(actor.userId, view.duties);
      return view.duties;
    } catch (error) {
      this.logger.warn({ err: error, userId: actor.userId, correlationId }, 'delegated duties unavailable; going on without them');
      return [];
    }
  }

  /** Whom these reviewers have delegated their duties to today; throws when review cannot answer. */
  async delegatesOf(agencyId: string, reviewers: readonly string[], correlationId: string): Promise<string[]> {
    const sorted = [...reviewers].sort();
    const key = `${agencyId}:${sorted.join(',')}`;
    const cached = this.delegates.get(key);
    if (cached !== undefined) return cached.userIds;
    const view = await this.client.send<DelegatesView, DelegatesRequest>(
      REVIEW_RPC.delegates,
      { actor: systemActor(agencyId), correlationId, payload: { fromUserIds: sorted } },
      LOOKUP_TIMEOUT_MS,
    );
    this.delegates.set(key, { reviewers: sorted, userIds: view.userIds });
    return view.userIds;
  }

  /** Drops what is known of these users (a delegation between them was given or revoked). */
  forget(...userIds: string[]): void {
    for (const userId of userIds) this.cache.delete(userId);
    for (const [key, entry] of this.delegates.entries()) {
      if (entry.reviewers.some((reviewer) => userIds.includes(reviewer))) this.delegates.delete(key);
    }
  }
}
