import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ListNoticesUseCase } from '../../use-cases/list-notices/list-notices.use-case.js';
import type { NoticeListView } from '../../use-cases/list-notices/list-notices.use-case.js';
import { MarkNoticesReadUseCase } from '../../use-cases/mark-notices-read/mark-notices-read.use-case.js';
import { NoticeStream } from '../notices/notice-stream.js';
import { Ctx } from '../auth/request-context.js';
import type { RequestContext } from '../auth/request-context.js';
import { ApiRoute } from './openapi/api-route.js';
import { IDS } from './openapi/examples.js';
import { MarkNoticesReadDto, NoticeQueryDto } from './dto/notice.dto.js';

/** How often an idle stream says it is alive (proxies close silent connections). */
const HEARTBEAT_MS = 25_000;

@ApiTags('notices')
@ApiBearerAuth()
@Controller('api/v1')
export class NoticesController {
  constructor(
    private readonly list: ListNoticesUseCase,
    private readonly markRead: MarkNoticesReadUseCase,
    private readonly stream: NoticeStream,
  ) {}

  @ApiRoute({
    summary: '站内通知',
    description: '每次流转通知到相关人员的站内通知（最新在前），可只列未读；同时返回未读数。',
    answer: { json: { items: [{ id: IDS.finding, documentId: IDS.document, kind: 'submitted', title: '关于调整办公时间的通知', message: '王芳提交了《关于调整办公时间的通知》，请审核', createdAt: '2026-12-06T09:30:00.000Z', readAt: null }], unread: 1 } },
    errors: [],
  })
  @Get('notices')
  notices(@Ctx() context: RequestContext, @Query() query: NoticeQueryDto): Promise<NoticeListView> {
    return this.list.execute(context.actor, { unreadOnly: query.unread === 'true', limit: query.limit ?? 50 });
  }

  @ApiRoute({ summary: '未读通知数', description: '用于铃铛角标。', answer: { json: { count: 1 } }, errors: [] })
  @Get('notices/unread-count')
  async unreadCount(@Ctx() context: RequestContext): Promise<{ count: number }> {
    return { count: await this.list.unreadCount(context.actor) };
  }

  @ApiRoute({
    summary: '标为已读',
    description: '`{ids}` 标记指定通知，`{all: true}` 标记全部；只影响本人的通知。',
    answer: { json: { updated: 1, unread: 0 } },
    errors: [],
  })
  @Post('notices/read')
  @HttpCode(200)
  read(@Ctx() context: RequestContext, @Body() dto: MarkNoticesReadDto): Promise<{ updated: number; unread: number }> {
    return this.markRead.execute(context.actor, dto);
  }

  @ApiRoute({
    summary: '通知实时推送',
    description: '服务器推送事件（SSE）：每条新的站内通知作为一个 `notice` 事件推送，控制台无需轮询；连接建立时先推送当前未读数（`unread` 事件）；每 25 秒一行注释保持连接。',
    answer: { events: 'event: unread\ndata: {"count":1}\n\nevent: notice\ndata: {"id":"…","kind":"submitted","title":"关于调整办公时间的通知"}\n\n' },
    errors: [],
  })
  @Get('notifications/stream')
  @ApiProduces('text/event-stream')
  async live(@Ctx() context: RequestContext, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const unread = await this.list.unreadCount(context.actor);
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
      'x-accel-buffering': 'no',
    });
    const send = (event: string, data: unknown): void => {
      raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    send('unread', { count: unread });
    const stop = this.stream.listen(context.actor.userId, (notice) => send('notice', notice));
    const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
    request.raw.on('close', () => {
      clearInterval(heartbeat);
      stop();
    });
  }
}
