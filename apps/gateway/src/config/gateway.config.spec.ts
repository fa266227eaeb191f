import { ConfigurationError } from '@sanshen/platform/core';
import { describe, expect, it } from 'vitest';
import { loadGatewayConfig } from './gateway.config.js';

const VALID = { JWT_SECRET: 'j'.repeat(32), INTERNAL_TOKEN_SECRET: 'i'.repeat(32) };

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadGatewayConfig(env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems.map((entry) => entry.variable).sort();
    throw error;
  }
  return [];
}

describe('loadGatewayConfig', () => {
  it('reads a valid environment', () => {
    const config = loadGatewayConfig({ ...VALID, HOST: '0.0.0.0' });
    expect(config.base.host).toBe('0.0.0.0');
    expect(config.seedDemo).toBe(false);
  });

  it('reports the gateway’s own and the base settings’ problems together', () => {
    expect(problemsOf({ JWT_SECRET: 'short', PORT: 'abc', SEED_DEMO: 'true', LOG_LEVEL: 'loud' })).toEqual([
      'DEMO_PASSWORD',
      'INTERNAL_TOKEN_SECRET',
      'JWT_SECRET',
      'LOG_LEVEL',
      'PORT',
    ]);
  });

  it('requires DEMO_PASSWORD only when seeding the demo', () => {
    expect(problemsOf({ ...VALID, SEED_DEMO: 'true' })).toEqual(['DEMO_PASSWORD']);
    expect(problemsOf({ ...VALID, SEED_DEMO: 'true', DEMO_PASSWORD: 'Demo-Password-1' })).toEqual([]);
  });
});
