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

describe('tracing (OTEL_*)', () => {
  const base = { INTERNAL_TOKEN_SECRET: 'x'.repeat(32) };
  const tracing = (env: Record<string, string>) => loadBaseConfig({ ...base, ...env }, 3000).tracing;

  it('is off without an endpoint, or with an empty one', () => {
    expect(tracing({})).toBeNull();
    expect(tracing({ OTEL_EXPORTER_OTLP_ENDPOINT: '' })).toBeNull();
  });

  it('sends to <endpoint>/v1/traces over protobuf by default, keeping every trace', () => {
    expect(tracing({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })).toEqual({
      tracesUrl: 'http://collector:4318/v1/traces',
      protocol: 'http/protobuf',
      sampleRatio: 1,
    });
  });

  it('takes the traces endpoint and protocol over the general ones, and a sampling ratio', () => {
    expect(
      tracing({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://apm.example/otlp/traces',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
        OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json',
        OTEL_TRACES_SAMPLER_ARG: '0.25',
      }),
    ).toEqual({ tracesUrl: 'https://apm.example/otlp/traces', protocol: 'http/json', sampleRatio: 0.25 });
  });

  it('is off when the SDK is disabled, endpoint or not', () => {
    expect(tracing({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' })).toBeNull();
  });

  it('refuses gRPC, a bad URL and a ratio outside 0–1, naming each variable', () => {
    const refusal = (() => {
      try {
        loadBaseConfig({ ...base, OTEL_EXPORTER_OTLP_ENDPOINT: 'collector', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc', OTEL_TRACES_SAMPLER_ARG: '2' }, 3000);
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(ConfigurationError);
    expect((refusal as ConfigurationError).problems.map((problem) => problem.variable).sort()).toEqual([
      'OTEL_EXPORTER_OTLP_ENDPOINT',
      'OTEL_EXPORTER_OTLP_PROTOCOL',
      'OTEL_TRACES_SAMPLER_ARG',
    ]);
  });
});
