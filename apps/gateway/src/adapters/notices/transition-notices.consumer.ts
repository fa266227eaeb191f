import { Inject, Injectable } from '@nestjs/common';
import { noticeSubject } from '@sanshen/contracts';
import type { EventEnvelope } from '@sanshen/contracts';
import type { EventHandlerDefinition } from '@sanshen/messaging';
import type { NatsConnection } from '@nats-io/transport-node';
import { BASE_CONFIG } from '@sanshen/platform/core';
import { NATS_CONNECTION } from '@sanshen/platform/rpc';
import type { BaseConfig } from '@sanshen/platform/core';
import type { EntityManager } from 'typeorm';
import { NotifyTransitionUseCase } from '../../use-cases/notify-transition/notify-transition.use-case.js';

/** Every document event, in order per document: the notices it owes, then a ping to every gateway's live streams. */
@Injectable()
export class TransitionNoticesConsumer implements EventHandlerDefinition {
  readonly durable = 'transition-notices';
  readonly eventTypes = ['document.>'];
  readonly ordered = true;

  constructor(
    private readonly notify: NotifyTransitionUseCase,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(BASE_CONFIG) private readonly config: BaseConfig,
  ) {}

  async handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    const recorded = await this.notify.execute(event, manager);
    // Best effort and only a nudge: the notices are in the table; a stream that misses it still lists them.
    if (recorded !== null) this.nc.publish(noticeSubject(this.config.namespace), JSON.stringify(recorded));
  }
}
