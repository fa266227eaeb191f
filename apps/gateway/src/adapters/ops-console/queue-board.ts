import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { queuePrefix, QUEUES } from '@sanshen/contracts';
import type { QueueName } from '@sanshen/contracts';
import { ROOT_LOGGER } from '@sanshen/platform/core';
import { Queue } from 'bullmq';
import type { Logger } from 'pino';
import { GATEWAY_CONFIG } from '../../config/gateway.config.js';
import type { GatewayConfig } from '../../config/gateway.config.js';
import { GatewayRedis } from '../redis/gateway-redis.js';

/** How the board names and explains each queue to operators. */
const QUEUE_LABELS: Record<QueueName, { displayName: string; description: string }> = {
  [QUEUES.publicationPush]: {
    displayName: '门户推送',
    description: '发布服务向门户网站推送页面（含定时发布与失败重试）。失败的发布请在文档的“发布”页重新发布。',
  },
  [QUEUES.reviewReminders]: {
    displayName: '审核催办',
    description: '三审待办的到期提醒与逐级催办。',
  },
  [QUEUES.noticeChannels]: {
    displayName: '通知外发',
    description: '站内通知经企业微信、钉钉、短信外发（失败自动重试）。失败的投递请由机关管理员在“通知渠道”的失败投递列表中重新投递。',
  },
};

/**
 * bull-board over every queue of the deployment, read-only: jobs belong to their services' state
 * machines (a publication is retried through `…/publication/retry`, which records the event), so the
 * board shows them and refuses retry, promote, clean, pause and add with 405.
 *
 * The board reads the queues over the gateway's Redis connection, which fails fast while Redis is away.
 */
@Injectable()
export class QueueBoard implements OnApplicationShutdown {
  private readonly queues: Queue[];

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig, @Inject(ROOT_LOGGER) logger: Logger, redis: GatewayRedis) {
    const prefix = queuePrefix(config.base.namespace.name);
    this.queues = Object.values(QUEUES).map((name) => {
      const queue = new Queue(name, { connection: redis.connection, prefix });
      queue.on('error', (error: Error) => logger.warn({ err: error, queue: name }, 'queue board: queue error'));
      return queue;
    });
  }

  /** A bull-board Fastify adapter serving the board at `basePath`. */
  serverAdapter(basePath: string): FastifyAdapter {
    const adapter = new FastifyAdapter();
    adapter.setBasePath(basePath);
    createBullBoard({
      queues: this.queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode: true, ...QUEUE_LABELS[queue.name as QueueName] })),
      serverAdapter: adapter,
      options: {
        uiConfig: {
          boardTitle: '三审 · 任务队列',
          locale: { lng: 'zh-CN' },
          hideDocsLink: true,
          miscLinks: [{ text: '退出登录', url: '/admin/logout' }],
        },
      },
    });
    return adapter;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.queues.map((queue) => queue.close()));
  }
}
