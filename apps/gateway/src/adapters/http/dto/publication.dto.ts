import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Length } from 'class-validator';
import { VersionDto } from './document.dto.js';

export class ScheduleDto extends VersionDto {
  @ApiProperty({ description: '定时发布时间（ISO 8601，含时区），须为将来的时间', example: '2026-12-01T09:00:00+08:00' })
  @IsISO8601({ strict: true })
  publishAt!: string;
}

export class RetractDto {
  @ApiProperty({ description: '撤稿理由（将显示在门户网站的撤稿说明中）' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class CorrectionDto {
  @ApiPropertyOptional({ description: '更正原因' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}
