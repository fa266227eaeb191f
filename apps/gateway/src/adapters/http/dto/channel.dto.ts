import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CHANNEL_KINDS, ROBOT_MSGTYPES } from '../../../domain/channels/channel-kinds.js';
import { queryInt } from './fields.js';

/** A string of `min`–`max` characters (an empty string allowed where `min` is 0: it clears the setting). */
const bounded = (min: number, max: number) => z.string().min(min).max(max);

export class AgencyChannelDto extends createZodDto(
  z
    .strictObject({
      enabled: z.boolean().describe('是否启用该渠道'),
      webhookUrl: bounded(1, 1000)
        .optional()
        .describe('群机器人的 Webhook 地址（企业微信 …/cgi-bin/webhook/send?key=…，钉钉 …/robot/send?access_token=…）；主机须在允许范围内；不填则保留原地址'),
      secret: bounded(0, 256).optional().describe('钉钉机器人的加签密钥（SEC 开头）；不填则保留原密钥，空字符串清除；任何时候都不会完整返回'),
      msgtype: z.enum(ROBOT_MSGTYPES).optional().describe('群机器人消息类型：text（可 @ 手机号）或 markdown；默认 text'),
      signName: bounded(0, 12).optional().describe('短信签名（不含【】），不填则用系统默认签名；空字符串清除'),
    })
    .meta({ example: { enabled: true, webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=xxxx', secret: 'SECxxxx', msgtype: 'text' } }),
) {}

export class ChannelPreferencesDto extends createZodDto(
  z
    .strictObject({
      channels: z.array(z.enum(CHANNEL_KINDS)).max(CHANNEL_KINDS.length).describe('除站内通知外还要通过哪些渠道接收通知（空数组：只收站内通知）'),
      phone: bounded(0, 20).optional().describe('手机号码（短信及群机器人 @ 提醒用）；不填则保留，空字符串清除'),
    })
    .meta({ example: { channels: ['dingtalk', 'sms'], phone: '13812345678' } }),
) {}

export class FailedDeliveriesQueryDto extends createZodDto(
  z.strictObject({
    limit: queryInt(1, 200).optional().describe('条数（1–200，默认 50）'),
  }),
) {}
