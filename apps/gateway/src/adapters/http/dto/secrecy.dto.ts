import { ApiProperty } from '@nestjs/swagger';
import { SECRECY_CONCLUSIONS } from '@sanshen/contracts';
import type { SecrecyConclusion } from '@sanshen/contracts';
import { IsIn, IsString, Length } from 'class-validator';
import { VersionDto } from './document.dto.js';

export class SecrecyDecisionDto extends VersionDto {
  @ApiProperty({ enum: SECRECY_CONCLUSIONS, description: 'public 可以公开 / return 退回修改 / refer 报保密行政管理部门' })
  @IsIn(SECRECY_CONCLUSIONS)
  conclusion!: SecrecyConclusion;

  @ApiProperty({ description: '审查依据', example: '《中华人民共和国保守国家秘密法》第三十五条' })
  @IsString()
  @Length(1, 1000)
  basis!: string;

  @ApiProperty({ description: '审查意见' })
  @IsString()
  @Length(1, 4000)
  opinion!: string;
}
