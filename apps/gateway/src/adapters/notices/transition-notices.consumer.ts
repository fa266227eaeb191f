import { Inject, Injectable } from '@nestjs/common';
import { noticeSubject } from '@sanshen/contracts';
import type { EventEnvelope } from '@sanshen/contracts';
import type { AfterCommit, EventHandlerDefinition } from '@sanshen/messaging';
import type { NatsConnection } from '@nats-io/transport-node';
import { BASE_CONFIG } from '@sanshen/platform/core';
import { NATS_CONNECTION } from '@sanshen/platform/rpc';
import type { BaseConfig } from '@sanshen/platform/core';
import type { EntityManager } from 'typeorm';
import type { NoticeDocument } from '../../persistence/notice.repository.js';
import { NotifyTransitionUseCase } from '../../use-cases/notify-transition/notify-transition.use-case.js';
import { SendNoticeToChannelsUseCase } from '../../use-cases/send-notice-to-channels/send-notice-to-channels.use-case.js';
import { ChannelDeliveryDispatcher } from '../channels/channel-delivery.dispatcher.js';
import type { AnnouncedNotice } from './notice-stream.js';

/**
 * Every document event, in order per document: the notices it owes and their deliveries on the
 * outbound channels (recorded in the same transaction), then a ping to every gateway's live streams;
 * after the commit the deliveries, if it recorded any, go to the queue (what a rolled-back batch
 * recorded is recorded again on its retry; the dispatcher's sweep catches anything else).
 */
@Injectable()
export class TransitionNoticesConsumer implements EventHandlerDefinition<NoticeDocument | null> {
  readonly durable = 'transition-notices';
  readonly eventTypes = ['document.>'];
  readonly ordered = true;
  // No step waits for notices (they are no hand-over target): events a few milliseconds apart share a transaction.
  readonly gatherMs = 10;
  constructor(
    private readonly notify: NotifyTransitionUseCase,
    private readonly channels: SendNoticeToChannelsUseCase,
    private readonly dispatcher: ChannelDeliveryDispatcher,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(BASE_CONFIG) private readonly config: BaseConfig,
  ) {}

  // What notices know of the document goes out with the inbox statement.
  readAlong(event: EventEnvelope, manager: EntityManager): Promise<NoticeDocument | null> {
    return this.notify.read(event, manager);
  }

  async handle(event: EventEnvelope, manager: EntityManager, known: NoticeDocument | null): Promise<AfterCommit | undefined> {
    const recorded = await this.notify.execute(event, manager, known);
    if (recorded === null) return undefined;
    // Best effort and only a nudge: the notices are in the table; a stream that misses it still lists them.
    const { userIds, documentId, kind, title, message, createdAt } = recorded;
    const announced: AnnouncedNotice = { userIds, documentId, kind, title, message, createdAt };
    this.nc.publish(noticeSubject(this.config.namespace), JSON.stringify(announced));
    // Recorded with the notice (a redelivered event records none twice); Redis is only needed later.
    // Deliveries recorded: the dispatcher queues them once they are committed.
    return (await this.channels.execute(recorded, manager)) > 0 ? () => this.dispatcher.nudge() : undefined;
  }
}
