import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FINDING_DISPOSITIONS, REFERRAL_CONCLUSIONS, SECRECY_CONCLUSIONS } from '@sanshen/contracts';
import type { FindingDisposition, ReferralConclusion, SecrecyConclusion } from '@sanshen/contracts';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { VersionDto } from './document.dto.js';
import { MultiLine } from '../input/multi-line.decorator.js';

export class SecrecyDecisionDto extends VersionDto {
  @ApiProperty({ enum: SECRECY_CONCLUSIONS, description: 'public 可以公开 / return 退回修改 / refer 报保密行政管理部门' })
  @IsIn(SECRECY_CONCLUSIONS)
  conclusion!: SecrecyConclusion;

  @ApiProperty({ description: '审查依据', example: '《中华人民共和国保守国家秘密法》第三十五条' })
  @IsString()
  @Length(1, 1000)
  basis!: string;

  @MultiLine()
  @ApiProperty({ description: '审查意见' })
  @IsString()
  @Length(1, 4000)
  opinion!: string;
}

export class DisposeFindingDto {
  @ApiProperty({
    enum: FINDING_DISPOSITIONS,
    description: 'ignored 本次忽略（保密审查员）/ whitelisted 加入词库例外（保密审查员）/ fixed 只能通过退回修改形成新版本',
  })
  @IsIn(FINDING_DISPOSITIONS)
  disposition!: FindingDisposition;

  @ApiProperty({ description: '处置理由' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

export class ReferralAnswerDto extends VersionDto {
  @ApiProperty({ enum: REFERRAL_CONCLUSIONS, description: '保密行政管理部门的答复：public 可以公开 / return 退回修改' })
  @IsIn(REFERRAL_CONCLUSIONS)
  conclusion!: ReferralConclusion;

  @ApiProperty({ description: '答复文号或编号', example: '海保密函〔2025〕3号' })
  @IsString()
  @Length(1, 200)
  answerReference!: string;

  @ApiProperty({ description: '依据', example: '《中华人民共和国保守国家秘密法》第三十五条' })
  @IsString()
  @Length(1, 1000)
  basis!: string;

  @MultiLine()
  @ApiPropertyOptional({ description: '意见（默认：答复编号与结论）' })
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  opinion?: string;
}
