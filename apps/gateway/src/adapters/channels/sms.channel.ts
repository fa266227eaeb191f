import type { ChannelKind } from '../../domain/channels/channel-kinds.js';
import type { DeliveryOutcome } from '../../domain/channels/delivery-outcome.js';
import type { OutboundChannel, OutboundDelivery } from './outbound-channel.js';
import type { SmsProvider } from './sms-provider.js';

/** SMS: the notice's text to one person's mobile number, through the configured provider. */
export class SmsChannel implements OutboundChannel {
  readonly kind: ChannelKind = 'sms';

  constructor(
    private readonly provider: SmsProvider | null,
    private readonly defaultSignName: string,
  ) {}

  send(delivery: OutboundDelivery): Promise<DeliveryOutcome> {
    if (this.provider === null) return Promise.resolve({ ok: false, permanent: true, reason: '系统未配置短信服务' });
    if (delivery.phone === null) return Promise.resolve({ ok: false, permanent: true, reason: '收件人未登记手机号码' });
    return this.provider.send({
      requestId: delivery.id,
      phone: delivery.phone,
      signName: delivery.setting.signName ?? this.defaultSignName,
      text: `${delivery.message.title}：${delivery.message.text}`,
    });
  }
}
