import type { EventEnvelope } from '@sanshen/contracts';
import type { NatsConnection } from '@nats-io/transport-node';
import type { BaseConfig } from '@sanshen/platform/core';
import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import type { NotifyTransitionUseCase, RecordedNotice } from '../../use-cases/notify-transition/notify-transition.use-case.js';
import type { SendNoticeToChannelsUseCase } from '../../use-cases/send-notice-to-channels/send-notice-to-channels.use-case.js';
import type { ChannelDeliveryDispatcher } from '../channels/channel-delivery.dispatcher.js';
import { TransitionNoticesConsumer } from './transition-notices.consumer.js';

const notice: RecordedNotice = {
  userIds: ['u-head'],
  agencyId: 'a-1',
  eventId: 'e-1',
  documentId: 'd-1',
  kind: 'task',
  title: '关于开展检查的通知',
  message: '待您审核',
  createdAt: '2026-12-06T08:00:00.000Z',
};
const event = (id: string) => ({ id, type: 'document.submitted', documentId: 'd-1', sequence: 2 }) as EventEnvelope;

/** The consumer with a dispatcher that counts its nudges, and as many deliveries per notice as `deliveries` says. */
function consumerRecording(deliveries: number) {
  const nudges = { count: 0 };
  const consumer = new TransitionNoticesConsumer(
    { execute: async () => notice } as unknown as NotifyTransitionUseCase,
    { execute: async () => deliveries } as unknown as SendNoticeToChannelsUseCase,
    { nudge: () => (nudges.count += 1) } as unknown as ChannelDeliveryDispatcher,
    { publish: () => undefined } as unknown as NatsConnection,
    { namespace: 'spec' } as unknown as BaseConfig,
  );
  return { consumer, nudges };
}

describe('TransitionNoticesConsumer', () => {
  it('has the dispatcher queue deliveries after the commit of an event that recorded some', async () => {
    const { consumer, nudges } = consumerRecording(2);
    const after = await consumer.handle(event('e-1'), {} as EntityManager, null);
    expect(nudges.count).toBe(0);
    after?.();
    expect(nudges.count).toBe(1);
  });

  it('leaves the dispatcher alone after an event that recorded no delivery (no channel enabled)', async () => {
    const { consumer, nudges } = consumerRecording(0);
    expect(await consumer.handle(event('e-2'), {} as EntityManager, null)).toBeUndefined();
    expect(nudges.count).toBe(0);
  });
});
