import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { TaskCountsView, TaskListView } from '@sanshen/contracts';
import { ListTasksUseCase } from '../../use-cases/list-tasks/list-tasks.use-case.js';
import { Ctx } from '../auth/request-context.js';
import type { RequestContext } from '../auth/request-context.js';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('api/v1/tasks')
export class TasksController {
  constructor(private readonly tasks: ListTasksUseCase) {}

  @Get()
  @ApiOperation({
    summary: '我的待办',
    description:
      '当前用户的全部待办：审核（含代签）、保密审查与待答复的报请、定时发布、发布失败、撤稿授权。每项带文档标题、类型、栏目、起草人、科室、审核级别、到达时间、期限与是否超期，保密审查还带未处置的检查问题数。超期的审核排在最前。',
  })
  list(@Ctx() context: RequestContext): Promise<TaskListView> {
    return this.tasks.execute(context);
  }

  @Get('counts')
  @ApiOperation({ summary: '待办数量', description: '用于角标：待办总数、超期数及各类待办的数量。' })
  counts(@Ctx() context: RequestContext): Promise<TaskCountsView> {
    return this.tasks.counts(context);
  }
}
