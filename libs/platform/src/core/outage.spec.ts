import { describe, expect, it } from 'vitest';
import { isOutage } from './outage.js';

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('isOutage', () => {
  it.each([
    ['a refused connection (pg, ioredis)', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a PostgreSQL shutting down', withCode('terminating connection due to administrator command', '57P01')],
    ['a PostgreSQL connection exception', withCode('connection failure', '08006')],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    ['a pool that cannot connect in time', new Error('timeout exceeded when trying to connect')],
    ['TypeORM wrapping the driver error', Object.assign(new Error('Query failed'), { driverError: withCode('read ECONNRESET', 'ECONNRESET') })],
    ['an error caused by one', new Error('could not open the transaction', { cause: withCode('connect ETIMEDOUT', 'ETIMEDOUT') })],
    ['every address refusing (AggregateError)', new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], 'connect failed')],
    ['ioredis giving up', Object.assign(new Error('Reached the max retries per request limit (which is 1).'), { name: 'MaxRetriesPerRequestError' })],
  ])('recognises %s', (_label, error) => {
    expect(isOutage(error)).toBe(true);
  });

  it.each([
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a constraint violation', withCode('duplicate key value violates unique constraint "documents_pkey"', '23505')],
    ['a syntax error in SQL', withCode('syntax error at or near "SELEC"', '42601')],
    ['a plain object', { message: 'connection terminated' }],
    ['nothing', undefined],
  ])('does not take %s for an outage', (_label, error) => {
    expect(isOutage(error)).toBe(false);
  });
});
