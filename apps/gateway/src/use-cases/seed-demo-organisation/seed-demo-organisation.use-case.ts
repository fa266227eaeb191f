import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import argon2 from 'argon2';
import { ROOT_LOGGER } from '@sanshen/platform';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { GATEWAY_CONFIG } from '../../config/gateway.config.js';
import type { GatewayConfig } from '../../config/gateway.config.js';
import { DEMO_AGENCIES, DEMO_USERS, demoUsername } from './demo-organisation.js';

/** Stable ids derived from names, so seeding twice (or on two gateways) gives the same rows. */
function stableId(...parts: string[]): string {
  const hex = createHash('sha256').update(`sanshen-demo:${parts.join(':')}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Seeds the demo organisation when SEED_DEMO=true: the three 海东市 agencies, their departments and
 * one user per role, all with DEMO_PASSWORD. Idempotent; the demo users' passwords are reset to
 * DEMO_PASSWORD on every seed, so the password start.sh prints is always the one that works.
 */
@Injectable()
export class SeedDemoOrganisationUseCase implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo || this.config.demoPassword === null) return;
    const passwordHash = await argon2.hash(this.config.demoPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('sanshen-demo-seed'))`);
      for (const agency of DEMO_AGENCIES) await this.seedAgency(manager, agency, passwordHash);
    });
    this.logger.info({ agencies: DEMO_AGENCIES.length, users: DEMO_AGENCIES.length * DEMO_USERS.length }, 'demo organisation seeded');
  }

  private async seedAgency(manager: EntityManager, agency: (typeof DEMO_AGENCIES)[number], passwordHash: string): Promise<void> {
    const agencyId = stableId('agency', agency.code);
    await manager.query(`INSERT INTO agencies (id, code, name) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`, [
      agencyId,
      agency.code,
      agency.name,
    ]);
    const departmentIds = agency.departments.map((name) => stableId('department', agency.code, name));
    for (const [index, name] of agency.departments.entries()) {
      await manager.query(`INSERT INTO departments (id, agency_id, name) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`, [
        departmentIds[index],
        agencyId,
        name,
      ]);
    }
    for (const user of DEMO_USERS) {
      const username = demoUsername(agency.code, user.role);
      const userId = stableId('user', username);
      await manager.query(
        `INSERT INTO users (id, agency_id, department_id, username, display_name, password_hash)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO UPDATE SET password_hash = EXCLUDED.password_hash`,
        [userId, agencyId, user.department === null ? null : departmentIds[user.department], username, user.displayName, passwordHash],
      );
      await manager.query(`INSERT INTO role_grants (user_id, role) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [userId, user.role]);
      for (const overseen of user.oversees ?? []) {
        await manager.query(`INSERT INTO deputy_oversight (user_id, department_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
          userId,
          departmentIds[overseen],
        ]);
      }
    }
  }
}
