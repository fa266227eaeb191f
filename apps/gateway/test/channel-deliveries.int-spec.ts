import { randomUUID } from 'node:crypto';
import { dataSourceOptions, openDataSource } from '@sanshen/platform/core';
import { pino } from 'pino';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChannelDeliveryDispatcher } from '../src/adapters/channels/channel-delivery.dispatcher.js';
import { ChannelDeliveryQueue } from '../src/adapters/channels/channel-delivery.queue.js';
import { GatewayRedis } from '../src/adapters/redis/gateway-redis.js';
import type { GatewayConfig } from '../src/config/gateway.config.js';
import { channelDeliveryId } from '../src/domain/channels/channel-delivery.js';
import { IDENTITY_DATABASE } from '../src/gateway.module.js';
import { ChannelDeliveryRepository } from '../src/persistence/channel-delivery.repository.js';
import type { StoredDelivery } from '../src/persistence/channel-delivery.repository.js';
import { waitFor } from '../../../test/support/wait-for.js';

const logger = pino({ level: 'silent' });
const NAMESPACE = `${process.env.SANSHEN_TEST_NAMESPACE ?? ''}_chd`;

function configFor(redisUrl: string): GatewayConfig {
  return {
    base: { redisUrl, namespace: { name: NAMESPACE } },
    channels: { attempts: 3, backoffMs: 100, sweepIntervalMs: 60_000 },
  } as GatewayConfig;
}

/** A dispatcher with its own queue on this Redis (the unreachable one stands for Redis being away). */
function dispatcherOn(redisUrl: string, deliveries: ChannelDeliveryRepository) {
  const config = configFor(redisUrl);
  const redis = new GatewayRedis(config, logger);
  const queue = new ChannelDeliveryQueue(config, logger, redis);
  const dispatcher = new ChannelDeliveryDispatcher(deliveries, queue, config, logger);
  return {
    redis,
    queue,
    dispatcher,
    async round() {
      dispatcher.nudge();
      await dispatcher.idle();
    },
    async close() {
      await queue.onApplicationShutdown();
      await redis.onApplicationShutdown();
    },
  };
}

/**
 * Outbound deliveries kept in PostgreSQL (issue #12 point 2: nothing lost): recorded with the notice,
 * queued after the commit, kept while Redis is away and queued once it answers, queued again when
 * Redis lost the job, listed as dead letters from an index, reopened for a re-queue.
 */
describe('channel deliveries', () => {
  let dataSource: DataSource;
  let deliveries: ChannelDeliveryRepository;
  const agencyId = randomUUID();

  const delivery = (channel: 'wecom' | 'dingtalk' = 'wecom'): StoredDelivery => {
    const data = { agencyId, eventId: randomUUID(), documentId: randomUUID(), channel, userIds: [randomUUID()], kind: 'submitted', title: '关于调整办公时间的通知', message: '待审核' };
    return { id: channelDeliveryId(data), ...data };
  };
  const stateOf = async (id: string) =>
    ((await dataSource.query(`SELECT state FROM channel_deliveries WHERE id = $1`, [id])) as { state: string }[])[0]?.state;

  beforeAll(async () => {
    dataSource = await openDataSource(dataSourceOptions(process.env.DATABASE_URL ?? '', { ...IDENTITY_DATABASE, schema: 'identity_chd' }));
    await dataSource.query(`INSERT INTO agencies (id, code, name) VALUES ($1, $2, '测试局')`, [agencyId, `chd-${agencyId.slice(0, 8)}`]);
    deliveries = new ChannelDeliveryRepository(dataSource);
  });
  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('keeps a delivery recorded while Redis is away and queues it once Redis answers, once', async () => {
    const one = delivery();
    await dataSource.transaction((manager) => deliveries.record(manager, [one]));
    // The event redelivered: the same delivery is not recorded twice.
    await dataSource.transaction((manager) => deliveries.record(manager, [{ ...one, title: 'changed' }]));

    const away = dispatcherOn('redis://127.0.0.1:1', deliveries);
    await away.round();
    expect(await stateOf(one.id)).toBe('pending');
    await away.close();

    const back = dispatcherOn(process.env.REDIS_URL ?? '', deliveries);
    await waitFor(async () => back.redis.connection.status === 'ready', { what: 'Redis ready', timeoutMs: 10_000, intervalMs: 50 });
    await back.round();
    expect(await stateOf(one.id)).toBe('queued');
    const job = await back.queue['queue'].getJob(one.id);
    expect(job?.data).toMatchObject({ agencyId, title: '关于调整办公时间的通知', channel: 'wecom', userIds: one.userIds });

    // Redis lost the job: a delivery queued long ago and not finished goes in again.
    await back.queue.forget(one.id);
    await dataSource.query(`UPDATE channel_deliveries SET queued_at = now() - interval '5 minutes' WHERE id = $1`, [one.id]);
    await back.round();
    expect((await back.queue['queue'].getJob(one.id))?.data.title).toBe('关于调整办公时间的通知');
    await back.queue.forget(one.id);
    await back.close();
  });

  it('lists the agency’s dead letters newest first and reopens one for a re-queue', async () => {
    const [first, second, delivered] = [delivery('wecom'), delivery('dingtalk'), delivery('wecom')];
    await dataSource.transaction((manager) => deliveries.record(manager, [first, second, delivered]));
    await deliveries.finish(first.id, { state: 'failed', attempts: 3, reason: '企业微信返回 errcode 93000' });
    await deliveries.finish(second.id, { state: 'failed', attempts: 1, reason: 'Webhook 地址不在允许的主机范围内' });
    await deliveries.finish(delivered.id, { state: 'delivered', attempts: 1, reason: null });

    const failed = await deliveries.failed(agencyId, 10);
    expect(failed.map((item) => [item.id, item.attemptsMade, item.recipients])).toEqual([
      [second.id, 1, 1],
      [first.id, 3, 1],
    ]);
    expect(await deliveries.failed(randomUUID(), 10)).toEqual([]);

    const released: string[] = [];
    const release = async () => void released.push('job dropped');
    expect(await deliveries.reopen(randomUUID(), first.id, release)).toBe('not_found');
    expect(await deliveries.reopen(agencyId, delivered.id, release)).toBe('not_failed');
    expect(released).toEqual([]);
    expect(await deliveries.reopen(agencyId, first.id, release)).toBe('reopened');
    expect(released).toEqual(['job dropped']);
    expect(await stateOf(first.id)).toBe('pending');
    // Dropping the old job failed (Redis away): the delivery stays a dead letter.
    await expect(deliveries.reopen(agencyId, second.id, async () => Promise.reject(new Error('Redis away')))).rejects.toThrow('Redis away');
    expect(await stateOf(second.id)).toBe('failed');
  });
});
