import 'reflect-metadata';
import type { Provider, Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { DRAFTING_RPC, REVIEW_RPC } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor, Role } from '@sanshen/kernel';
import { ErrorFilter, ROOT_LOGGER, ServiceClient } from '@sanshen/platform';
import pino from 'pino';
import { GATEWAY_CONFIG } from '../../../config/gateway.config.js';
import type { GatewayConfig } from '../../../config/gateway.config.js';
import { IdentityRepository } from '../../../persistence/identity.repository.js';
import { SessionTokens } from '../../../use-cases/session-tokens.js';
import { DelegatedDuties } from '../../auth/delegated-duties.js';
import { ClearedDocuments } from '../../auth/cleared-documents.js';
import { DocumentVisibleGuard } from '../../auth/document-visible.guard.js';
import { JwtAuthGuard } from '../../auth/jwt-auth.guard.js';
import { RequireRoleGuard } from '../../auth/require-role.guard.js';
import { configureHttpEdge } from '../http-edge.js';
import { ServiceCalls } from '../service-calls.js';

/**
 * A gateway controller under test, alone but with the real edge around it: Fastify, the body rules,
 * the text policy and the validation pipe, the error filter, and the real guards — sign-in by access
 * token (JwtAuthGuard), the role check and the document visibility check. The services behind it are
 * `replies` by RPC pattern (a function of the payload, a value, or a DomainError to refuse with);
 * what reached them is in `calls`. Use cases the controller calls directly are given as `providers`.
 */

/** A service's answer to one RPC pattern: a value, or a function of the payload and actor; a DomainError is a refusal. */
export type Reply = unknown | ((payload: never, actor: Actor) => unknown);

export interface ServiceCall {
  pattern: string;
  actor: Actor;
  payload: unknown;
}

const CONFIG = { jwtSecret: 'controller-spec-secret', accessTokenTtlSeconds: 900, refreshTokenTtlSeconds: 3600, opsSessionTtlSeconds: 900, attachmentMaxBytes: 64 * 1024 } as GatewayConfig;

/** Replies every controller needs: the caller may read the document; no delegated duties. */
const DEFAULT_REPLIES: Record<string, Reply> = { [DRAFTING_RPC.access]: {}, [REVIEW_RPC.delegatedDuties]: { duties: [] } };

export function actorWith(roles: Role[], overrides: Partial<Actor> = {}): Actor {
  return {
    userId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    agencyId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    agencyName: '海东市工业和信息化局',
    departmentId: '0f6e2a1b-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
    roles,
    oversees: [],
    displayName: '王芳',
    ...overrides,
  };
}

export interface RequestOptions {
  /** Signed in as this actor (Bearer token); anonymous when absent. */
  as?: Actor;
  body?: unknown;
  headers?: Record<string, string>;
}

export class HttpTestApp {
  private constructor(
    readonly app: NestFastifyApplication,
    private readonly replies: Record<string, Reply>,
    /** What reached the services, in order. */
    readonly calls: ServiceCall[],
  ) {}

  static async start(controller: Type, options: { replies?: Record<string, Reply>; providers?: Provider[] } = {}): Promise<HttpTestApp> {
    const replies = { ...DEFAULT_REPLIES, ...options.replies };
    const calls: ServiceCall[] = [];
    const client = {
      send: async (pattern: string, request: { actor: Actor; payload: unknown }) => {
        calls.push({ pattern, actor: request.actor, payload: request.payload });
        if (!(pattern in replies)) throw new DomainError('SERVICE.UNAVAILABLE', { service: pattern });
        const reply = replies[pattern];
        const answer = typeof reply === 'function' ? (reply as (payload: unknown, actor: Actor) => unknown)(request.payload, request.actor) : reply;
        if (answer instanceof DomainError) throw answer;
        return answer;
      },
    };
    const module = await Test.createTestingModule({
      imports: [JwtModule.register({ secret: CONFIG.jwtSecret, signOptions: { algorithm: 'HS256', issuer: 'sanshen' }, verifyOptions: { algorithms: ['HS256'], issuer: 'sanshen' } })],
      controllers: [controller],
      providers: [
        { provide: ROOT_LOGGER, useValue: pino({ level: 'silent' }) },
        { provide: GATEWAY_CONFIG, useValue: CONFIG },
        { provide: APP_FILTER, useClass: ErrorFilter },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: ServiceClient, useValue: client },
        { provide: IdentityRepository, useValue: { sessionState: async () => 'active' } },
        SessionTokens,
        DelegatedDuties,
        DocumentVisibleGuard,
        ClearedDocuments,
        RequireRoleGuard,
        ServiceCalls,
        ...(options.providers ?? []),
      ],
    }).compile();
    const app = module.createNestApplication<NestFastifyApplication>(new FastifyAdapter({ bodyLimit: 1_048_576 }), { logger: false });
    await configureHttpEdge(app);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return new HttpTestApp(app, replies, calls);
  }

  /** Changes what a service answers to a pattern (for the tests that follow). */
  reply(pattern: string, reply: Reply): void {
    this.replies[pattern] = reply;
  }

  /** The service no longer answers this pattern (SERVICE.UNAVAILABLE, as ServiceClient reports it). */
  unreachable(pattern: string): void {
    delete this.replies[pattern];
  }

  /** The payloads that reached the services with this pattern. */
  payloadsOf(pattern: string): unknown[] {
    return this.calls.filter((call) => call.pattern === pattern).map((call) => call.payload);
  }

  async request(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, options: RequestOptions = {}) {
    const headers: Record<string, string> = { ...options.headers };
    if (options.as !== undefined) {
      const { token } = await this.app.get(SessionTokens).accessToken(options.as, '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b');
      headers.authorization = `Bearer ${token}`;
    }
    return this.app.inject({ method, url, headers, ...(options.body === undefined ? {} : { payload: options.body as string | object }) });
  }

  async close(): Promise<void> {
    await this.app.close();
  }
}
