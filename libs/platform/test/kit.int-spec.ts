import { randomBytes, randomUUID } from 'node:crypto';
import { InjectQueue, Processor, WorkerHost, getQueueToken } from '@nestjs/bullmq';
import { Controller, Module } from '@nestjs/common';
import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/transport-node';
import { rpcSubject } from '@sanshen/contracts';
import type { RpcRequest } from '@sanshen/contracts';
import type { Actor } from '@sanshen/kernel';
import type { Job, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../../test/support/wait-for.js';
import { CoreModule, bootstrapService, createRootLogger, loadBaseConfig } from '../src/core/index.js';
import type { BaseConfig } from '../src/core/index.js';
import { QueuesModule, REDIS_CONNECTION } from '../src/queues/index.js';
import { RpcModule, RpcPattern, ServiceClient, requireActor } from '../src/rpc/index.js';

/*
 * The kit's parts composed as services compose them, against the real PostgreSQL, NATS and Redis:
 * what each part adds to readiness, RPC on the configured namespace with the configured secret (two
 * services with different ones in one process), and the queues' shutdown order.
 */

const RUN = process.env.SANSHEN_TEST_NAMESPACE ?? 'local';
const ECHO = 'kittest.actor.echo';
const QUEUE = 'kit-test';
const actor: Actor = { userId: 'u1', agencyId: 'a1', agencyName: '测试机关', departmentId: null, roles: ['drafter'], oversees: [], displayName: '测试' };

function configFor(suffix: string, secret = randomBytes(32).toString('hex')): BaseConfig {
  return { ...loadBaseConfig({ ...process.env, INTERNAL_TOKEN_SECRET: secret }, 0), namespace: { name: `${RUN}_kit${suffix}` }, host: '127.0.0.1', port: 0 };
}

@Controller()
class EchoController {
  @RpcPattern(ECHO)
  echo(@Payload() request: RpcRequest<{ text: string }>): { userId: string; text: string } {
    return { userId: requireActor(request).userId, text: request.payload.text };
  }
}

const done: string[] = [];

@Processor(QUEUE)
class TestProcessor extends WorkerHost {
  async process(job: Job<{ id: string }>): Promise<void> {
    done.push(job.data.id);
  }
}

class TestProducer {
  constructor(@InjectQueue(QUEUE) readonly queue: Queue) {}
}

function serviceModule(name: string, config: BaseConfig, parts: DynamicModule[], extra: { controllers?: Type[]; providers?: Type[] } = {}): DynamicModule {
  @Module({})
  class TestServiceModule {}
  return {
    module: TestServiceModule,
    imports: [
      CoreModule.forService({ service: name, config, logger: createRootLogger(name, 'silent'), database: { schema: `kit_${randomBytes(3).toString('hex')}`, entities: [], migrations: [] } }),
      ...parts,
    ],
    controllers: extra.controllers ?? [],
    providers: extra.providers ?? [],
  };
}

async function readiness(app: INestApplication): Promise<Record<string, { status: string }>> {
  const url = await app.getUrl();
  const response = await fetch(`${url.replace('[::1]', '127.0.0.1')}/health/ready`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { details: Record<string, { status: string }> }).details;
}

const apps: INestApplication[] = [];
const clients: ServiceClient[] = [];
let nc: NatsConnection | null = null;

afterAll(async () => {
  for (const client of clients) await client.onApplicationShutdown();
  for (const app of apps) await app.close();
  await nc?.close();
});

describe('the service kit', () => {
  it('core alone: ready on PostgreSQL only', async () => {
    const config = configFor('core');
    const app = await bootstrapService(serviceModule('kit-core', config, []), { service: 'kit-core', config });
    apps.push(app);
    expect(Object.keys(await readiness(app))).toEqual(['postgres']);
  });

  it('rpc: answers on the configured namespace, checking signatures with the configured secret', async () => {
    const first = configFor('a');
    const second = configFor('b');
    for (const [name, config] of [['kit-a', first], ['kit-b', second]] as const) {
      const module = serviceModule(name, config, [RpcModule.forService({ service: name, config })], { controllers: [EchoController] });
      apps.push(await bootstrapService(module, { service: name, config }));
    }
    expect(Object.keys(await readiness(apps.at(-1)!)).sort()).toEqual(['nats', 'postgres']);

    const toFirst = new ServiceClient(first);
    const toSecond = new ServiceClient(second);
    // Signed with the first service's secret, sent on the second's namespace: the second refuses it.
    const forged = new ServiceClient({ ...first, namespace: second.namespace });
    clients.push(toFirst, toSecond, forged);
    const request = (text: string) => ({ actor, correlationId: randomUUID(), payload: { text } });
    await expect(toFirst.send(ECHO, request('one'))).resolves.toEqual({ userId: 'u1', text: 'one' });
    await expect(toSecond.send(ECHO, request('two'))).resolves.toEqual({ userId: 'u1', text: 'two' });
    await expect(forged.send(ECHO, request('three'))).rejects.toMatchObject({ code: 'ACTOR.INVALID', details: { reason: 'signature' } });
    // Nobody answers this pattern: unavailable at once (no responders), not after the minute it may wait.
    await expect(toFirst.send('kit-none.echo.say', request('four'), 60_000)).rejects.toMatchObject({ code: 'SERVICE.UNAVAILABLE', details: { service: 'kit-none' } });

    // The subject is namespaced: nobody answers the bare pattern, and an unsigned request is refused.
    nc = await connect({ servers: first.natsUrl });
    await expect(nc.request(ECHO, JSON.stringify({ data: request('bare'), id: '1' }), { timeout: 1000 })).rejects.toThrow();
    const reply = await nc.request(rpcSubject(first.namespace, ECHO), JSON.stringify({ pattern: ECHO, data: request('unsigned'), id: '2' }), { timeout: 5000 });
    expect(reply.json<{ err: { code: string } }>().err).toMatchObject({ code: 'ACTOR.INVALID' });
  });

  it('queues: ready on Redis, jobs run, and the connection closes after the workers and queues', async () => {
    const config = configFor('q');
    const module = serviceModule('kit-q', config, [QueuesModule.forService({ config, queues: [QUEUE] })], { providers: [TestProcessor, TestProducer] });
    const app = await bootstrapService(module, { service: 'kit-q', config });
    expect(Object.keys(await readiness(app)).sort()).toEqual(['postgres', 'redis']);

    const id = randomUUID();
    await app.get(TestProducer).queue.add('job', { id });
    await waitFor(async () => (done.includes(id) ? true : undefined), { timeoutMs: 10_000, intervalMs: 50, what: 'the job to run' });

    const order: string[] = [];
    const spy = <T extends object>(target: T, method: keyof T & string, label: string) => {
      const original = (target[method] as (...args: unknown[]) => Promise<unknown>).bind(target);
      Object.assign(target, { [method]: (...args: unknown[]) => (order.push(label), original(...args)) });
    };
    const redis = app.get<Redis>(REDIS_CONNECTION);
    spy(redis, 'quit', 'redis');
    spy(app.get<Queue>(getQueueToken(QUEUE)), 'close', 'queue');
    spy(app.get(TestProcessor).worker, 'close', 'worker');
    await app.close();
    expect(order).toContain('queue');
    expect(order).toContain('worker');
    expect(order.at(-1)).toBe('redis');
    await waitFor(() => redis.status === 'end', { timeoutMs: 5000, intervalMs: 20, what: 'the Redis connection to end' });
  });
});
