import { loadBaseConfig } from '@sanshen/platform/core';
import type { BaseConfig } from '@sanshen/platform/core';

/** The service name: prefixes its RPC subjects' queue group and its durable consumers (a wire contract). */
export const AUDIT_SERVICE = 'audit';
/** The service's own PostgreSQL schema. */
export const AUDIT_SCHEMA = 'audit';
export const AUDIT_DEFAULT_PORT = 3005;

/** The audit service needs nothing beyond the base settings; read and checked once, at boot. */
export function loadAuditConfig(env: NodeJS.ProcessEnv): BaseConfig {
  return loadBaseConfig(env, AUDIT_DEFAULT_PORT);
}
