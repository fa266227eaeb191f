import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { PUBLICATION_RPC, QUEUE_JOB_STATES } from '@sanshen/contracts';
import type { QueueJobState, QueueOverview } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import { Ctx } from '../auth/request-context.js';
import type { RequestContext } from '../auth/request-context.js';
import { ApiRoute } from './openapi/api-route.js';
import { IDS } from './openapi/examples.js';
import { ServiceCalls } from './service-calls.js';

/** Operators' view of the publication push queue (administrators only; the service checks the role). */
@ApiTags('operations')
@ApiBearerAuth()
@Controller('api/v1/admin/queues')
export class QueuesController {
  constructor(private readonly services: ServiceCalls) {}

  @ApiRoute({
    summary: '发布推送队列',
    description: '系统管理员查看发布推送队列：各状态的任务数与最新的任务（只读）。state 以逗号分隔，limit 为每个状态列出的任务数（1–100，默认 20）。',
    answer: {
      json: {
        queue: 'publication-push',
        counts: { waiting: 0, prioritized: 0, active: 0, delayed: 1, completed: 57, failed: 0 },
        jobs: [{ id: '58', state: 'delayed', publicationId: IDS.publication, run: 1, attemptsMade: 1, attempts: 5, createdAt: '2026-12-06T09:30:00.000Z' }],
      },
    },
    errors: ['DOCUMENT.ROLE_NOT_ALLOWED'],
  })
  @Get('publication-push')
  @ApiQuery({ name: 'state', required: false, description: `comma-separated: ${QUEUE_JOB_STATES.join(', ')}` })
  @ApiQuery({ name: 'limit', required: false, description: 'jobs per state, 1–100 (default 20)' })
  publicationPush(@Ctx() context: RequestContext, @Query('state') state?: string, @Query('limit') limit?: string): Promise<QueueOverview> {
    const states = state === undefined || state === '' ? undefined : state.split(',');
    if (states?.some((value) => !(QUEUE_JOB_STATES as readonly string[]).includes(value))) {
      throw new DomainError('REQUEST.INVALID', { field: 'state' });
    }
    const parsedLimit = limit === undefined ? undefined : Number(limit);
    return this.services.send(PUBLICATION_RPC.queueOverview, context, {
      ...(states ? { states: states as QueueJobState[] } : {}),
      ...(parsedLimit === undefined ? {} : { limit: parsedLimit }),
    });
  }
}
