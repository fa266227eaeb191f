import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@sanshen/kernel';
import type { FailedDeliveryView } from '../../domain/channels/channel-delivery.js';
import { isChannelKind } from '../../domain/channels/channel-kinds.js';
import type { ChannelKind } from '../../domain/channels/channel-kinds.js';
import type { AgencyChannelView } from '../../domain/channels/channel-settings.js';
import { ConfigureAgencyChannelUseCase } from '../../use-cases/configure-agency-channel/configure-agency-channel.use-case.js';
import { ListFailedDeliveriesUseCase } from '../../use-cases/list-failed-deliveries/list-failed-deliveries.use-case.js';
import { RequeueDeliveryUseCase } from '../../use-cases/requeue-delivery/requeue-delivery.use-case.js';
import { SetChannelPreferencesUseCase } from '../../use-cases/set-channel-preferences/set-channel-preferences.use-case.js';
import { ShowAgencyChannelsUseCase } from '../../use-cases/show-agency-channels/show-agency-channels.use-case.js';
import type { AgencyChannelsView } from '../../use-cases/show-agency-channels/show-agency-channels.use-case.js';
import { ShowChannelPreferencesUseCase } from '../../use-cases/show-channel-preferences/show-channel-preferences.use-case.js';
import type { ChannelPreferencesView } from '../../use-cases/show-channel-preferences/show-channel-preferences.use-case.js';
import { Ctx } from '../auth/request-context.js';
import type { RequestContext } from '../auth/request-context.js';
import { AgencyChannelDto, ChannelPreferencesDto, FailedDeliveriesQueryDto } from './dto/channel.dto.js';
import { ApiRoute } from './openapi/api-route.js';
import { IDS } from './openapi/examples.js';

const DINGTALK: AgencyChannelView = {
  channel: 'dingtalk',
  enabled: true,
  webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=****abcd',
  secretSet: true,
  secretHint: '****wxyz',
  msgtype: 'text',
  signName: null,
};
const PREFERENCES: ChannelPreferencesView = { channels: ['dingtalk', 'sms'], phone: '138****5678', available: ['dingtalk', 'sms'] };
const ADMIN_ONLY = ['AUTH.FORBIDDEN', 'CHANNEL.AGENCY_NOT_FOUND'] as const;

const uuid = new ParseUUIDPipe({ version: undefined });

function channelOf(value: string): ChannelKind {
  if (!isChannelKind(value)) throw new DomainError('CHANNEL.UNKNOWN', { channel: value.slice(0, 32) });
  return value;
}

/** Outbound notice channels: the agency admin's settings and dead letters, everyone's own preferences. */
@ApiTags('notice-channels')
@ApiBearerAuth()
@Controller('api/v1')
export class ChannelsController {
  constructor(
    private readonly showAgencyChannels: ShowAgencyChannelsUseCase,
    private readonly configureAgencyChannel: ConfigureAgencyChannelUseCase,
    private readonly showPreferences: ShowChannelPreferencesUseCase,
    private readonly setPreferences: SetChannelPreferencesUseCase,
    private readonly listFailed: ListFailedDeliveriesUseCase,
    private readonly requeueDelivery: RequeueDeliveryUseCase,
  ) {}

  @Get('agencies/:agencyId/notice-channels')
  @ApiRoute({
    summary: '机关的通知外发渠道',
    description: '系统管理员查看本机关的企业微信、钉钉群机器人与短信设置；Webhook 密钥与加签密钥只显示末四位。其他机关的设置一律 404。',
    answer: { json: { items: [DINGTALK], smsAvailable: true, allowedHosts: ['qyapi.weixin.qq.com', 'oapi.dingtalk.com'] } satisfies AgencyChannelsView },
    errors: [...ADMIN_ONLY],
  })
  agencyChannels(@Ctx() context: RequestContext, @Param('agencyId', uuid) agencyId: string): Promise<AgencyChannelsView> {
    return this.showAgencyChannels.execute(context.actor, agencyId);
  }

  @Put('agencies/:agencyId/notice-channels/:channel')
  @ApiRoute({
    summary: '设置通知外发渠道',
    description:
      '系统管理员设置本机关的一个渠道（wecom 企业微信群机器人、dingtalk 钉钉群机器人、sms 短信）：启用与否、Webhook 地址（主机须在 CHANNEL_ALLOWED_HOSTS 允许范围内）、钉钉加签密钥、消息类型、短信签名。未提交的字段保持不变；变更记入身份审计（不含密钥）。',
    answer: { json: DINGTALK },
    errors: [...ADMIN_ONLY, 'CHANNEL.UNKNOWN', 'CHANNEL.WEBHOOK_URL_INVALID', 'CHANNEL.WEBHOOK_HOST_NOT_ALLOWED', 'CHANNEL.WEBHOOK_REQUIRED', 'CHANNEL.SECRET_REQUIRED', 'CHANNEL.SMS_UNAVAILABLE'],
  })
  configure(
    @Ctx() context: RequestContext,
    @Param('agencyId', uuid) agencyId: string,
    @Param('channel') channel: string,
    @Body() dto: AgencyChannelDto,
  ): Promise<AgencyChannelView> {
    return this.configureAgencyChannel.execute(context.actor, agencyId, channelOf(channel), dto, context.correlationId);
  }

  @Get('agencies/:agencyId/notice-deliveries/failed')
  @ApiRoute({
    summary: '失败的通知投递（死信）',
    description: '系统管理员查看本机关用尽重试仍未送达的外发通知（最新在前），含渠道、文档、重试次数与失败原因。',
    answer: { json: { items: [{ id: 'dingtalk:evt-1', channel: 'dingtalk', documentId: IDS.document, title: '关于调整办公时间的通知', kind: 'submitted', recipients: 1, attemptsMade: 5, reason: '钉钉返回 errcode 310000', createdAt: '2026-12-06T09:30:00.000Z', failedAt: '2026-12-06T09:31:00.000Z' }] satisfies FailedDeliveryView[] } },
    errors: [...ADMIN_ONLY],
  })
  async failedDeliveries(
    @Ctx() context: RequestContext,
    @Param('agencyId', uuid) agencyId: string,
    @Query() query: FailedDeliveriesQueryDto,
  ): Promise<{ items: FailedDeliveryView[] }> {
    return this.listFailed.execute(context.actor, agencyId, query.limit ?? 50);
  }

  @Post('agencies/:agencyId/notice-deliveries/:deliveryId/requeue')
  @HttpCode(200)
  @ApiRoute({
    summary: '重新投递', description: '系统管理员把一条失败的外发通知重新放入队列（例如修正 Webhook 地址后），重试次数重新计算。',
    answer: { json: { id: 'dingtalk:evt-1', state: 'requeued' } },
    errors: [...ADMIN_ONLY, 'CHANNEL.DELIVERY_NOT_FOUND', 'CHANNEL.DELIVERY_NOT_FAILED'],
  })
  requeue(@Ctx() context: RequestContext, @Param('agencyId', uuid) agencyId: string, @Param('deliveryId') deliveryId: string): Promise<{ id: string; state: 'requeued' }> {
    return this.requeueDelivery.execute(context.actor, agencyId, deliveryId.slice(0, 200));
  }

  @Get('me/notice-channels')
  @ApiRoute({
    summary: '我的通知渠道', description: '本人选择的外发渠道与手机号码（部分隐藏），以及本机关已启用的渠道（available）。',
    answer: { json: PREFERENCES },
    errors: [],
  })
  ownPreferences(@Ctx() context: RequestContext): Promise<ChannelPreferencesView> {
    return this.showPreferences.execute(context.actor);
  }

  @Put('me/notice-channels')
  @ApiRoute({
    summary: '设置我的通知渠道',
    description: '本人选择除站内通知外还通过哪些渠道接收通知（wecom、dingtalk、sms），以及手机号码（选择短信时必填，群机器人据此 @ 本人）。只能设置本人的。',
    answer: { json: PREFERENCES },
    errors: ['CHANNEL.PHONE_REQUIRED', 'CHANNEL.PHONE_INVALID'],
  })
  setOwnPreferences(@Ctx() context: RequestContext, @Body() dto: ChannelPreferencesDto): Promise<ChannelPreferencesView> {
    return this.setPreferences.execute(context.actor, dto);
  }
}
