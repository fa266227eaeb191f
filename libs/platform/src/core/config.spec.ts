import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigurationError, collectConfig, configurationReport, loadBaseConfig, parseEnv, parseTrustProxy } from './config.js';
import type { ConfigProblem } from './config.js';

describe('TRUST_PROXY', () => {
  it('trusts only a loopback proxy by default', () => {
    expect(loadBaseConfig({ INTERNAL_TOKEN_SECRET: 'x'.repeat(32) }, 3000).trustProxy).toEqual(['loopback']);
  });

  it('reads true, false and lists of addresses, CIDRs and names', () => {
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy(' uniquelocal, 10.0.0.0/8 ,::1, fd00::/8')).toEqual(['uniquelocal', '10.0.0.0/8', '::1', 'fd00::/8']);
  });

  it.each([['1'], ['proxy.example'], ['10.0.0.0/33'], ['10.0.0.1/8/1'], [' , ']])('refuses %j, naming the variable', (value) => {
    expect(() => parseTrustProxy(value)).toThrow(/TRUST_PROXY/);
  });
});

describe('configuration problems', () => {
  const SECRET = 'x'.repeat(32);

  it('reports every invalid base setting at once, naming each variable', () => {
    const read = () => loadBaseConfig({ PORT: 'abc', LOG_LEVEL: 'loud', TRUST_PROXY: 'proxy.example', STREAM_REPLICAS: '9' }, 3000);
    expect(read).toThrow(ConfigurationError);
    const problems = captureProblems(read);
    expect(problems.map((entry) => entry.variable).sort()).toEqual(['INTERNAL_TOKEN_SECRET', 'LOG_LEVEL', 'PORT', 'STREAM_REPLICAS', 'TRUST_PROXY']);
    expect(problems.find((entry) => entry.variable === 'TRUST_PROXY')?.problem).toContain('proxy.example');
  });

  it('requires INTERNAL_TOKEN_SECRET only of services that make or answer internal requests', () => {
    expect(loadBaseConfig({}, 3100, { internalRequests: false }).internalTokenSecret).toBeNull();
    expect(captureProblems(() => loadBaseConfig({ INTERNAL_TOKEN_SECRET: 'short' }, 3001))).toEqual([
      { variable: 'INTERNAL_TOKEN_SECRET', problem: expect.stringContaining('at least 32 characters') },
    ]);
  });

  it('gathers the problems of every part of a service’s configuration', () => {
    const own = z.object({ PORTAL_PUSH_SECRET: z.string({ error: 'required' }).min(32) });
    const read = () =>
      collectConfig(
        () => loadBaseConfig({ INTERNAL_TOKEN_SECRET: SECRET, PORT: '0' }, 3004),
        () => parseEnv(own, {}),
      );
    expect(captureProblems(read)).toEqual([
      { variable: 'PORT', problem: expect.any(String) },
      { variable: 'PORTAL_PUSH_SECRET', problem: 'required' },
    ]);
  });

  it('returns every part in order when all are valid', () => {
    const [base, own] = collectConfig(
      () => loadBaseConfig({ INTERNAL_TOKEN_SECRET: SECRET, HOST: '0.0.0.0' }, 3001),
      () => parseEnv(z.object({ X: z.string().default('y') }), {}),
    );
    expect(base.host).toBe('0.0.0.0');
    expect(base.port).toBe(3001);
    expect(own).toEqual({ X: 'y' });
  });

  it('reports as one JSON line with every problem, no stack trace and no value', () => {
    const error = new ConfigurationError([
      { variable: 'PORT', problem: 'Invalid input: expected number, received NaN' },
      { variable: 'JWT_SECRET', problem: 'JWT_SECRET must be at least 32 characters' },
    ]);
    const line = configurationReport('gateway', error, new Date('2026-12-06T00:00:00Z'));
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({
      level: 'fatal',
      time: '2026-12-06T00:00:00.000Z',
      service: 'gateway',
      code: 'CONFIG.INVALID',
      msg: 'invalid configuration: PORT, JWT_SECRET',
      problems: error.problems,
    });
    const secretValue = 'not-long-enough-secret';
    const leaked = configurationReport('drafting', captureError(() => loadBaseConfig({ INTERNAL_TOKEN_SECRET: secretValue }, 3001)));
    expect(leaked).toContain('INTERNAL_TOKEN_SECRET');
    expect(leaked).not.toContain(secretValue);
  });
});

function captureError(read: () => unknown): ConfigurationError {
  try {
    read();
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

function captureProblems(read: () => unknown): ConfigProblem[] {
  return captureError(read).problems;
}
