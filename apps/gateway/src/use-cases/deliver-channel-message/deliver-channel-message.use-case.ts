import { Inject, Injectable } from '@nestjs/common';
import type { ChannelJobData } from '../../domain/channels/channel-delivery.js';
import { OUTBOUND_CHANNELS } from '../../adapters/channels/outbound-channel.js';
import type { OutboundChannel } from '../../adapters/channels/outbound-channel.js';
import { GATEWAY_CONFIG } from '../../config/gateway.config.js';
import type { GatewayConfig } from '../../config/gateway.config.js';
import { CHANNEL_LABELS, isRobotChannel } from '../../domain/channels/channel-kinds.js';
import type { DeliveryOutcome } from '../../domain/channels/delivery-outcome.js';
import { channelMessage } from '../../domain/channels/delivery-plan.js';
import { checkWebhookUrl } from '../../domain/channels/webhook-policy.js';
import { ChannelSettingsRepository } from '../../persistence/channel-settings.repository.js';

export type DeliveryResult = DeliveryOutcome | { ok: true; skipped: string };

/**
 * One attempt at one queued delivery, with today's settings: the agency's channel (skipped once
 * disabled; its webhook checked against the allow-list again), the recipients who still choose it
 * and their mobile numbers (mentioned in a group post, the SMS's destination).
 */
@Injectable()
export class DeliverChannelMessageUseCase {
  constructor(
    private readonly settings: ChannelSettingsRepository,
    @Inject(OUTBOUND_CHANNELS) private readonly channels: readonly OutboundChannel[],
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async execute(id: string, data: ChannelJobData): Promise<DeliveryResult> {
    const label = CHANNEL_LABELS[data.channel];
    const setting = await this.settings.agencyChannel(data.agencyId, data.channel);
    if (setting === null || !setting.enabled) return { ok: true, skipped: `${label}已停用` };
    if (isRobotChannel(data.channel) && !checkWebhookUrl(setting.webhookUrl ?? '', this.config.channels.allowedHosts).ok) {
      return { ok: false, permanent: true, reason: `${label}的 Webhook 地址不在允许的主机范围内（CHANNEL_ALLOWED_HOSTS）` };
    }
    const preferences = await this.settings.preferencesOf(data.userIds);
    const still = data.userIds.filter((userId) => preferences.get(userId)?.channels.includes(data.channel) ?? false);
    if (still.length === 0) return { ok: true, skipped: `收件人已不再选择${label}` };
    const phones = still.flatMap((userId) => preferences.get(userId)?.phone ?? []);
    const channel = this.channels.find((candidate) => candidate.kind === data.channel);
    if (channel === undefined) return { ok: false, permanent: true, reason: `不支持的通知渠道：${data.channel}` };
    return channel.send({
      id,
      setting,
      message: channelMessage(data, isRobotChannel(data.channel) ? phones : []),
      phone: data.channel === 'sms' ? (phones[0] ?? null) : null,
    });
  }
}
