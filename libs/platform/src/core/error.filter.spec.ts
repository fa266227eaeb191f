import { RpcException } from '@nestjs/microservices';
import { DomainError } from '@sanshen/kernel';
import type { ArgumentsHost } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import pino from 'pino';
import { firstValueFrom } from 'rxjs';
import type { Observable } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { ErrorFilter, UNAVAILABLE_RETRY_AFTER_SECONDS, sendHttpError } from './error.filter.js';

const logger = pino({ level: 'silent' });

/** The part of a Fastify reply the filter uses, recording what was sent. */
function recordingReply(): { reply: FastifyReply; sent: { status?: number; headers: Record<string, unknown>; body?: Record<string, unknown> } } {
  const sent: { status?: number; headers: Record<string, unknown>; body?: Record<string, unknown> } = { headers: {} };
  const reply = {
    header(name: string, value: unknown) {
      sent.headers[name] = value;
      return reply;
    },
    status(code: number) {
      sent.status = code;
      return reply;
    },
    send(body: Record<string, unknown>) {
      sent.body = body;
      return reply;
    },
  };
  return { reply: reply as unknown as FastifyReply, sent };
}

const request = { raw: { id: 'corr-1' }, headers: {}, url: '/api/v1/documents' } as unknown as FastifyRequest;

function connectionRefused(): Error {
  return Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED', address: '127.0.0.1', port: 5432 });
}

describe('sendHttpError', () => {
  it.each([
    ['a service that did not answer', new DomainError('SERVICE.UNAVAILABLE', { service: 'drafting' })],
    ['the refusal wrapped in an RpcException', new RpcException({ code: 'SERVICE.UNAVAILABLE', message: '服务暂时不可用，请稍后再试' })],
    ['the refusal wrapped in a {status, message} envelope', { status: 'error', message: { code: 'SERVICE.UNAVAILABLE', message: 'x' } }],
    ['the database out of reach', connectionRefused()],
    ['the database gone under TypeORM', Object.assign(new Error('Query failed'), { driverError: new Error('Connection terminated unexpectedly') })],
  ])('answers %s with 503, SERVICE.UNAVAILABLE and Retry-After', (_label, exception) => {
    const { reply, sent } = recordingReply();
    sendHttpError(logger, request, reply, exception);
    expect(sent.status).toBe(503);
    expect(sent.headers['Retry-After']).toBe(UNAVAILABLE_RETRY_AFTER_SECONDS);
    expect(sent.body).toMatchObject({ code: 'SERVICE.UNAVAILABLE', correlationId: 'corr-1', details: { retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS } });
    expect(JSON.stringify(sent.body)).not.toMatch(/ECONNREFUSED|5432|terminated/);
  });

  it('keeps a bug a 500 with an errorId and nothing of its message', () => {
    const { reply, sent } = recordingReply();
    sendHttpError(logger, request, reply, new TypeError('secret internals'));
    expect(sent.status).toBe(500);
    expect(sent.headers['Retry-After']).toBeUndefined();
    expect(sent.body).toMatchObject({ code: 'INTERNAL' });
    expect(JSON.stringify(sent.body)).not.toContain('secret internals');
  });

  it('unwraps other refusals too (409 stays 409, without Retry-After)', () => {
    const { reply, sent } = recordingReply();
    sendHttpError(logger, request, reply, new RpcException({ code: 'DOCUMENT.VERSION_CONFLICT', message: 'x' }));
    expect(sent.status).toBe(409);
    expect(sent.headers['Retry-After']).toBeUndefined();
  });
});

describe('ErrorFilter over NATS', () => {
  function rpcHost(): ArgumentsHost {
    return { getType: () => 'rpc', switchToRpc: () => ({ getData: () => ({ correlationId: 'corr-2' }) }) } as unknown as ArgumentsHost;
  }

  it('sends a database outage as SERVICE.UNAVAILABLE, not INTERNAL', async () => {
    const reply = new ErrorFilter(logger).catch(connectionRefused(), rpcHost()) as Observable<never>;
    await expect(firstValueFrom(reply)).rejects.toMatchObject({ code: 'SERVICE.UNAVAILABLE' });
  });
});
