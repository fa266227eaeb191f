import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { VersionDto } from './document.dto.js';

export class ApproveDto extends VersionDto {
  @ApiPropertyOptional({ description: '审核意见' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  comment?: string;
}

export class ReturnDto extends VersionDto {
  @ApiProperty({ description: '退回理由' })
  @IsString()
  @Length(1, 2000)
  reason!: string;

  @ApiProperty({ enum: ['drafter', 'previous'] })
  @IsIn(['drafter', 'previous'])
  to!: 'drafter' | 'previous';
}
