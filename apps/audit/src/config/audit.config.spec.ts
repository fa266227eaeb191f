import { ConfigurationError } from '@sanshen/platform/core';
import { describe, expect, it } from 'vitest';
import { loadAuditConfig } from './audit.config.js';

describe('loadAuditConfig', () => {
  it('verifies every ten minutes and from the genesis daily by default', () => {
    expect(loadAuditConfig({})).toEqual({ verification: { intervalMs: 600_000, fullIntervalMs: 86_400_000 } });
  });

  it('reads the intervals and refuses one under a second', () => {
    expect(loadAuditConfig({ AUDIT_VERIFY_INTERVAL_MS: '5000', AUDIT_VERIFY_FULL_INTERVAL_MS: '3600000' }).verification).toEqual({
      intervalMs: 5000,
      fullIntervalMs: 3_600_000,
    });
    expect(() => loadAuditConfig({ AUDIT_VERIFY_INTERVAL_MS: '10' })).toThrow(ConfigurationError);
  });
});
