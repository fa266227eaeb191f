import type { RobotChannel, RobotMsgtype, ChannelMessage } from '../../domain/channels/channel-kinds.js';
import { robotOutcome, unreachableOutcome } from '../../domain/channels/delivery-outcome.js';
import type { DeliveryOutcome } from '../../domain/channels/delivery-outcome.js';
import { dingtalkPayload, wecomPayload } from '../../domain/channels/robot-payloads.js';
import { dingtalkSignedUrl } from '../../domain/channels/signatures.js';
import type { OutboundChannel, OutboundDelivery } from './outbound-channel.js';
import { postJson } from './post-json.js';

interface RobotDialect {
  kind: RobotChannel;
  label: string;
  payload(message: ChannelMessage, msgtype: RobotMsgtype): Record<string, unknown>;
  /** The URL to POST to: the webhook, signed where the robot wants it. */
  url(webhookUrl: string, secret: string | null, nowMs: number): string;
}

/**
 * A group robot's webhook (企业微信, 钉钉): one JSON POST per delivery; the robot's `{errcode, errmsg}`
 * decides, since both answer HTTP 200 to a refusal. The caller has checked the URL against the allow-list.
 */
export class RobotWebhookChannel implements OutboundChannel {
  readonly kind: RobotChannel;

  constructor(
    private readonly dialect: RobotDialect,
    private readonly timeoutMs: number,
  ) {
    this.kind = dialect.kind;
  }

  async send(delivery: OutboundDelivery): Promise<DeliveryOutcome> {
    const { webhookUrl, secret, msgtype } = delivery.setting;
    if (webhookUrl === null) return { ok: false, permanent: true, reason: `${this.dialect.label}未配置 Webhook 地址` };
    try {
      const answer = await postJson(
        this.dialect.url(webhookUrl, secret, Date.now()),
        JSON.stringify(this.dialect.payload(delivery.message, msgtype)),
        {},
        this.timeoutMs,
      );
      return robotOutcome(this.dialect.label, answer.status, answer.body);
    } catch (error) {
      return unreachableOutcome(this.dialect.label, error);
    }
  }
}

export const WECOM_ROBOT: RobotDialect = {
  kind: 'wecom',
  label: '企业微信',
  payload: wecomPayload,
  url: (webhookUrl) => webhookUrl,
};

export const DINGTALK_ROBOT: RobotDialect = {
  kind: 'dingtalk',
  label: '钉钉',
  payload: dingtalkPayload,
  url: (webhookUrl, secret, nowMs) => (secret === null ? webhookUrl : dingtalkSignedUrl(webhookUrl, secret, nowMs)),
};
