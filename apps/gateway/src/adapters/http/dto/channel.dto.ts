import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { CHANNEL_KINDS, ROBOT_MSGTYPES } from '../../../domain/channels/channel-kinds.js';
import type { ChannelKind, RobotMsgtype } from '../../../domain/channels/channel-kinds.js';
import { LimitQuery } from '../input/limit-query.decorator.js';

export class AgencyChannelDto {
  @ApiProperty({ description: '是否启用该渠道' })
  @IsBoolean()
  enabled!: boolean;

  @ApiPropertyOptional({
    description: '群机器人的 Webhook 地址（企业微信 …/cgi-bin/webhook/send?key=…，钉钉 …/robot/send?access_token=…）；主机须在允许范围内；不填则保留原地址',
    example: 'https://oapi.dingtalk.com/robot/send?access_token=xxxx',
  })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  webhookUrl?: string;

  @ApiPropertyOptional({ description: '钉钉机器人的加签密钥（SEC 开头）；不填则保留原密钥，空字符串或 null 清除；任何时候都不会完整返回', nullable: true })
  @IsOptional()
  @IsString()
  @Length(0, 256)
  secret?: string | null;

  @ApiPropertyOptional({ enum: ROBOT_MSGTYPES, description: '群机器人消息类型：text（可 @ 手机号）或 markdown；默认 text' })
  @IsOptional()
  @IsIn(ROBOT_MSGTYPES)
  msgtype?: RobotMsgtype;

  @ApiPropertyOptional({ description: '短信签名（不含【】），不填则用系统默认签名', nullable: true })
  @IsOptional()
  @IsString()
  @Length(0, 12)
  signName?: string | null;
}

export class ChannelPreferencesDto {
  @ApiProperty({ enum: CHANNEL_KINDS, isArray: true, description: '除站内通知外还要通过哪些渠道接收通知（空数组：只收站内通知）' })
  @IsArray()
  @ArrayMaxSize(CHANNEL_KINDS.length)
  @IsIn(CHANNEL_KINDS, { each: true })
  channels!: ChannelKind[];

  @ApiPropertyOptional({ description: '手机号码（短信及群机器人 @ 提醒用）；不填则保留，空字符串或 null 清除', nullable: true, example: '13812345678' })
  @IsOptional()
  @IsString()
  @Length(0, 20)
  phone?: string | null;
}

export class FailedDeliveriesQueryDto {
  @LimitQuery(200, '条数（1–200，默认 50）')
  limit?: number;
}
