import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { noticeSubject } from '@sanshen/contracts';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { BASE_CONFIG, ROOT_LOGGER } from '@sanshen/platform/core';
import { NATS_CONNECTION } from '@sanshen/platform/rpc';
import type { BaseConfig } from '@sanshen/platform/core';
import type { Logger } from 'pino';
import type { RecordedNotice } from '../../use-cases/notify-transition/notify-transition.use-case.js';

/** What a stream is told of a notice: the announcement, less its addressees. */
export type AnnouncedNotice = Pick<RecordedNotice, 'userIds' | 'documentId' | 'kind' | 'title' | 'message' | 'createdAt'>;

type Listener = (notice: Omit<AnnouncedNotice, 'userIds'>) => void;

/**
 * The live side of notices: every gateway hears each recorded notice (NATS core) and hands it to the
 * server-sent-event streams its own users have open.
 */
@Injectable()
export class NoticeStream implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly listeners = new Map<string, Set<Listener>>();
  private subscription: Subscription | null = null;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(BASE_CONFIG) private readonly config: BaseConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = this.nc.subscribe(noticeSubject(this.config.namespace), {
      callback: (error, message) => {
        if (error) return;
        try {
          const { userIds, ...notice } = JSON.parse(message.string()) as AnnouncedNotice;
          for (const userId of userIds) for (const listener of this.listeners.get(userId) ?? []) listener(notice);
        } catch (parseError) {
          this.logger.warn({ err: parseError }, 'notices: unreadable announcement ignored');
        }
      },
    });
  }

  /** Calls `listener` with each new notice for the user until the returned function is called. */
  listen(userId: string, listener: Listener): () => void {
    const set = this.listeners.get(userId) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(userId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(userId);
    };
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
  }
}
