import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { BATCH_APPROVE_LIMIT } from '../../../use-cases/batch-approve/batch-approve.use-case.js';
import { VersionDto } from './document.dto.js';
import { MultiLine } from '../input/multi-line.decorator.js';
import { PG_INT_MAX } from '../input/int-param.pipe.js';

export class ApproveDto extends VersionDto {
  @MultiLine()
  @ApiPropertyOptional({ description: '审核意见' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  comment?: string;

  @ApiPropertyOptional({ description: 'the review level decided on (from the inbox); 409 when the case has moved on', enum: [1, 2, 3] })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3)
  level?: 1 | 2 | 3;
}

export class ReturnDto extends VersionDto {
  @ApiProperty({ description: '退回理由' })
  @IsString()
  @Length(1, 2000)
  reason!: string;

  @ApiProperty({ enum: ['drafter', 'previous'], description: '`previous`: 驳回上一级 (at level 1, the drafter)' })
  @IsIn(['drafter', 'previous'])
  to!: 'drafter' | 'previous';

  @ApiPropertyOptional({ enum: [1, 2, 3] })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3)
  level?: 1 | 2 | 3;
}

export class CreateDelegationDto {
  @ApiProperty({ description: 'the user who takes over the caller’s review duties' })
  @IsUUID()
  toUserId!: string;

  @ApiProperty({ description: 'start (ISO 8601)' })
  @IsISO8601({ strict: true })
  from!: string;

  @ApiProperty({ description: 'end, exclusive (ISO 8601)' })
  @IsISO8601({ strict: true })
  until!: string;
}

export class ApprovalSheetQueryDto {
  @ApiPropertyOptional({ enum: ['html', 'json'], default: 'html' })
  @IsOptional()
  @IsIn(['html', 'json'])
  format?: 'html' | 'json';

  @ApiPropertyOptional({ description: 'default: the version under review' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PG_INT_MAX)
  version?: number;
}

export class BatchApproveItemDto extends VersionDto {
  @ApiProperty({ description: '文档 ID' })
  @IsUUID()
  documentId!: string;

  @ApiPropertyOptional({ enum: [1, 2, 3], description: '待办列表中的审核级别；案件已进入其他级别时该项返回 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3)
  level?: 1 | 2 | 3;
}

export class BatchApproveDto {
  @ApiProperty({ type: [BatchApproveItemDto], description: `要同意的文档（1–${BATCH_APPROVE_LIMIT} 项），逐项独立审批` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BATCH_APPROVE_LIMIT)
  @ValidateNested({ each: true })
  @Type(() => BatchApproveItemDto)
  items!: BatchApproveItemDto[];

  @ApiPropertyOptional({ description: '审核意见（各项共用）' })
  @MultiLine()
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  comment?: string;
}
