import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { TaskCountsView, TaskListView } from '@sanshen/contracts';
import { ListTasksUseCase } from '../../use-cases/list-tasks/list-tasks.use-case.js';
import { Ctx } from '../auth/request-context.js';
import type { RequestContext } from '../auth/request-context.js';
import { ApiRoute } from './openapi/api-route.js';
import { IDS } from './openapi/examples.js';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('api/v1/tasks')
export class TasksController {
  constructor(private readonly tasks: ListTasksUseCase) {}

  @ApiRoute({
    summary: '我的待办',
    description:
      '当前用户的全部待办：审核（含代签）、保密审查与待答复的报请、定时发布、发布失败、撤稿授权。每项带文档标题、类型、栏目、起草人、科室、审核级别、到达时间、期限与是否超期，保密审查还带未处置的检查问题数。超期的审核排在最前。',
    answer: { json: { items: [{ kind: 'review', documentId: IDS.document, version: 3, level: 1, arrivedAt: '2026-12-06T09:30:00.000Z', dueAt: '2026-12-09T09:30:00.000Z', openFindings: null, note: null, onBehalfOf: null, title: '关于调整办公时间的通知', documentKind: 'article', column: '通知公告', authorName: '王芳', departmentName: '办公室', overdue: false }] } },
    errors: [],
  })
  @Get()
  list(@Ctx() context: RequestContext): Promise<TaskListView> {
    return this.tasks.execute(context);
  }

  @ApiRoute({
    summary: '待办数量',
    description: '用于角标：待办总数、超期数及各类待办的数量。',
    answer: { json: { total: 3, overdue: 1, byKind: { review: 2, secrecy_review: 0, referral: 0, scheduled: 0, publish_failed: 1, retraction_request: 0 } } },
    errors: [],
  })
  @Get('counts')
  counts(@Ctx() context: RequestContext): Promise<TaskCountsView> {
    return this.tasks.counts(context);
  }
}
