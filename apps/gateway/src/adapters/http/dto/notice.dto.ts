import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { LimitQuery } from '../input/limit-query.decorator.js';

export class NoticeQueryDto {
  @ApiPropertyOptional({ description: '只列未读通知' })
  @IsOptional()
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';

  @LimitQuery(100, '条数（1–100，默认 50）')
  limit?: number;
}

export class MarkNoticesReadDto {
  @ApiPropertyOptional({ description: '要标为已读的通知 ID', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID(undefined, { each: true })
  ids?: string[];

  @ApiPropertyOptional({ description: 'true：全部标为已读' })
  @IsOptional()
  @IsBoolean()
  all?: boolean;
}
