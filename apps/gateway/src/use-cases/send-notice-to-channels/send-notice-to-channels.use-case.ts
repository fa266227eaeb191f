import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { channelDeliveryId } from '../../domain/channels/channel-delivery.js';
import { planDeliveries } from '../../domain/channels/delivery-plan.js';
import { ChannelDeliveryRepository } from '../../persistence/channel-delivery.repository.js';
import { ChannelSettingsRepository } from '../../persistence/channel-settings.repository.js';
import type { RecordedNotice } from '../notify-transition/notify-transition.use-case.js';

/**
 * A notice just recorded also goes out on the channels its agency enabled, to the people who chose
 * them (企业微信/钉钉: one group post; SMS: one text each). The deliveries are recorded in the notice's
 * transaction (the dispatcher queues them after the commit, with retries), so Redis being away loses
 * none. Idempotent: a delivery's id is the event's id and the channel (and person, for SMS).
 */
@Injectable()
export class SendNoticeToChannelsUseCase {
  constructor(
    private readonly settings: ChannelSettingsRepository,
    private readonly deliveries: ChannelDeliveryRepository,
  ) {}

  async execute(notice: RecordedNotice, manager: EntityManager): Promise<number> {
    const enabled = new Set(await this.settings.enabledChannels(notice.agencyId));
    if (enabled.size === 0) return 0;
    const preferences = await this.settings.preferencesOf(notice.userIds);
    const plan = planDeliveries(
      [...preferences].map(([userId, chosen]) => ({ userId, channels: chosen.channels })),
      enabled,
    );
    await this.deliveries.record(
      manager,
      plan.map((delivery) => {
        const data = {
          agencyId: notice.agencyId,
          eventId: notice.eventId,
          documentId: notice.documentId,
          channel: delivery.channel,
          userIds: delivery.userIds,
          kind: notice.kind,
          title: notice.title,
          message: notice.message,
        };
        return { id: channelDeliveryId(data), ...data };
      }),
    );
    return plan.length;
  }
}
