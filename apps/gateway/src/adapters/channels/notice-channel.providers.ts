import type { Provider } from '@nestjs/common';
import { GATEWAY_CONFIG } from '../../config/gateway.config.js';
import type { GatewayConfig } from '../../config/gateway.config.js';
import { ChannelDeliveryRepository } from '../../persistence/channel-delivery.repository.js';
import { ChannelSettingsRepository } from '../../persistence/channel-settings.repository.js';
import { ConfigureAgencyChannelUseCase } from '../../use-cases/configure-agency-channel/configure-agency-channel.use-case.js';
import { DeliverChannelMessageUseCase } from '../../use-cases/deliver-channel-message/deliver-channel-message.use-case.js';
import { ListFailedDeliveriesUseCase } from '../../use-cases/list-failed-deliveries/list-failed-deliveries.use-case.js';
import { RequeueDeliveryUseCase } from '../../use-cases/requeue-delivery/requeue-delivery.use-case.js';
import { SendNoticeToChannelsUseCase } from '../../use-cases/send-notice-to-channels/send-notice-to-channels.use-case.js';
import { SetChannelPreferencesUseCase } from '../../use-cases/set-channel-preferences/set-channel-preferences.use-case.js';
import { ShowAgencyChannelsUseCase } from '../../use-cases/show-agency-channels/show-agency-channels.use-case.js';
import { ShowChannelPreferencesUseCase } from '../../use-cases/show-channel-preferences/show-channel-preferences.use-case.js';
import { ChannelDeliveryDispatcher } from './channel-delivery.dispatcher.js';
import { ChannelDeliveryProcessor } from './channel-delivery.processor.js';
import { ChannelDeliveryQueue } from './channel-delivery.queue.js';
import { HttpSmsProvider } from './http-sms.provider.js';
import { OUTBOUND_CHANNELS } from './outbound-channel.js';
import type { OutboundChannel } from './outbound-channel.js';
import { DINGTALK_ROBOT, RobotWebhookChannel, WECOM_ROBOT } from './robot-webhook.channel.js';
import { SmsChannel } from './sms.channel.js';
import { SMS_PROVIDER } from './sms-provider.js';
import type { SmsProvider } from './sms-provider.js';

/** The outbound notice channels: adapters, the queue and its worker, settings and their use cases. */
export const NOTICE_CHANNEL_PROVIDERS: Provider[] = [
  {
    provide: SMS_PROVIDER,
    inject: [GATEWAY_CONFIG],
    useFactory: (config: GatewayConfig): SmsProvider | null =>
      config.channels.sms === null ? null : new HttpSmsProvider(config.channels.sms, config.channels.timeoutMs),
  },
  {
    provide: OUTBOUND_CHANNELS,
    inject: [GATEWAY_CONFIG, SMS_PROVIDER],
    useFactory: (config: GatewayConfig, sms: SmsProvider | null): OutboundChannel[] => [
      new RobotWebhookChannel(WECOM_ROBOT, config.channels.timeoutMs),
      new RobotWebhookChannel(DINGTALK_ROBOT, config.channels.timeoutMs),
      new SmsChannel(sms, config.channels.smsSignName),
    ],
  },
  ChannelSettingsRepository,
  ChannelDeliveryRepository,
  ChannelDeliveryQueue,
  ChannelDeliveryDispatcher,
  ChannelDeliveryProcessor,
  SendNoticeToChannelsUseCase,
  DeliverChannelMessageUseCase,
  ShowAgencyChannelsUseCase,
  ConfigureAgencyChannelUseCase,
  ShowChannelPreferencesUseCase,
  SetChannelPreferencesUseCase,
  ListFailedDeliveriesUseCase,
  RequeueDeliveryUseCase,
];
