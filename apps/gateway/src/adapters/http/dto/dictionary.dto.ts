import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { PageQueryDto } from './page-query.dto.js';

const CATEGORIES = ['statute', 'agency', 'political', 'legal', 'typo'] as const;
const SEVERITIES = ['blocking', 'warning'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class DictionaryReasonDto {
  @ApiProperty({ description: '修改理由（记入词库版本）' })
  @IsString()
  @Length(1, 1000)
  reason!: string;
}

export class AddDictionaryEntryDto extends DictionaryReasonDto {
  @ApiProperty({ description: '错误写法', example: '中华人民共和国保密法' })
  @IsString()
  @Length(1, 200)
  wrong!: string;

  @ApiProperty({ description: '正确写法', example: '中华人民共和国保守国家秘密法' })
  @IsString()
  @Length(1, 200)
  right!: string;

  @ApiProperty({ enum: CATEGORIES, description: 'statute 法律法规名称 / agency 机构名称 / political 规范表述 / legal 法律术语 / typo 错别字' })
  @IsIn(CATEGORIES)
  category!: (typeof CATEGORIES)[number];

  @ApiPropertyOptional({ enum: SEVERITIES, default: 'warning' })
  @IsOptional()
  @IsIn(SEVERITIES)
  severity?: (typeof SEVERITIES)[number];

  @ApiPropertyOptional({ description: '说明' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

export class AddDictionaryExceptionDto extends DictionaryReasonDto {
  @ApiProperty({ description: '例外短语：含有它的文字不会被任何检查标出' })
  @IsString()
  @Length(1, 200)
  phrase!: string;
}

export class AddLeaderDto extends DictionaryReasonDto {
  @ApiProperty({ example: '张三' })
  @IsString()
  @Length(1, 50)
  name!: string;

  @ApiProperty({ example: '副市长' })
  @IsString()
  @Length(1, 50)
  title!: string;

  @ApiProperty({ description: '任职起始日期（含）', example: '2021-03-01' })
  @Matches(ISO_DATE)
  from!: string;

  @ApiPropertyOptional({ description: '任职终止日期（不含）；空：现任', example: null, nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Matches(ISO_DATE)
  until?: string | null;
}

export class DictionaryListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '按文字筛选' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}

/** The dictionary's version history. */
export class DictionaryVersionsQueryDto extends PageQueryDto {}
