import { Inject, Injectable } from '@nestjs/common';
import { REVIEW_RPC } from '@sanshen/contracts';
import type { DelegatedDutiesView } from '@sanshen/contracts';
import type { Actor, DelegatedDuty } from '@sanshen/kernel';
import { ROOT_LOGGER } from '@sanshen/platform/core';
import { ServiceClient } from '@sanshen/platform/rpc';
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
 * never more. A delegation given or revoked through this gateway is seen at once by its delegate
 * (`forget`); through another replica, within the TTL.
 */
@Injectable()
export class DelegatedDuties {
  private readonly cache = new Map<string, { duties: DelegatedDuty[]; expires: number }>();

  constructor(
    private readonly client: ServiceClient,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async of(actor: Actor, correlationId: string, now = Date.now()): Promise<DelegatedDuty[]> {
    // The 三员 roles read no document whatever is delegated to them; nobody else needs a lookup to sign in.
    if (actor.roles.includes('admin') || actor.roles.includes('auditor')) return [];
    const cached = this.cache.get(actor.userId);
    if (cached !== undefined && cached.expires > now) return cached.duties;
    try {
      const view = await this.client.send<DelegatedDutiesView>(
        REVIEW_RPC.delegatedDuties,
        { actor, correlationId, payload: {} },
        LOOKUP_TIMEOUT_MS,
      );
      this.remember(actor.userId, view.duties, now);
      return view.duties;
    } catch (error) {
      this.logger.warn({ err: error, userId: actor.userId, correlationId }, 'delegated duties unavailable; going on without them');
      return [];
    }
  }

  /** Drops what is known of these users (a delegation between them was given or revoked). */
  forget(...userIds: string[]): void {
    for (const userId of userIds) this.cache.delete(userId);
  }

  private remember(userId: string, duties: DelegatedDuty[], now: number): void {
    if (this.cache.size >= MAX_ENTRIES) {
      for (const [key, entry] of this.cache) if (entry.expires <= now) this.cache.delete(key);
      if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
    }
    this.cache.set(userId, { duties, expires: now + DELEGATED_DUTIES_TTL_MS });
  }
}
