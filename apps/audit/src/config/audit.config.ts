import { parseEnv } from '@sanshen/platform/core';
import type { VerificationSchedule } from '../domain/verification-plan.js';
import { z } from 'zod';

/** The service name: prefixes its RPC subjects' queue group and its durable consumers (a wire contract). */
export const AUDIT_SERVICE = 'audit';
/** The service's own PostgreSQL schema. */
export const AUDIT_SCHEMA = 'audit';
export const AUDIT_DEFAULT_PORT = 3005;

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

const schema = z.object({
  AUDIT_VERIFY_INTERVAL_MS: z.coerce.number().int().min(1000).max(DAY_MS).default(10 * MINUTE_MS),
  AUDIT_VERIFY_FULL_INTERVAL_MS: z.coerce.number().int().min(1000).max(30 * DAY_MS).default(DAY_MS),
});

/** The audit service's own variables: the background verification of the chain (docs/audit.md). */
export interface AuditConfig {
  verification: VerificationSchedule;
}

export const AUDIT_CONFIG = Symbol('AUDIT_CONFIG');

/** The audit service's own variables, checked once at boot. */
export function loadAuditConfig(env: NodeJS.ProcessEnv): AuditConfig {
  const parsed = parseEnv(schema, env);
  return {
    verification: { intervalMs: parsed.AUDIT_VERIFY_INTERVAL_MS, fullIntervalMs: parsed.AUDIT_VERIFY_FULL_INTERVAL_MS },
  };
}
