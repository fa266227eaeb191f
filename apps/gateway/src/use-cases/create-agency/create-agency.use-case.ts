import { Injectable } from '@nestjs/common';
import { DomainError } from '@sanshen/contracts';
import type { Actor } from '@sanshen/contracts';
import { requireAdmin } from '../identity-rules.js';

/**
 * Agencies are created by the platform operator (seeding / deployment), not by an agency's admin:
 * admins manage their own agency only. A platform-level admin role may be modelled later.
 */
@Injectable()
export class CreateAgencyUseCase {
  execute(actor: Actor): Promise<never> {
    requireAdmin(actor);
    return Promise.reject(new DomainError('IDENTITY.PLATFORM_ADMIN_REQUIRED'));
  }
}
