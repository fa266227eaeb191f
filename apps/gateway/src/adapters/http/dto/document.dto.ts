import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES } from '@sanshen/kernel';
import type { DocumentKind, DocumentStatus } from '@sanshen/kernel';
import { IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateBy, ValidateIf } from 'class-validator';
import { MultiLine } from '../input/multi-line.decorator.js';
import { PG_INT_MAX } from '../input/int-param.pipe.js';

export class CreateDocumentDto {
  @ApiProperty({ enum: DOCUMENT_KINDS })
  @IsIn(DOCUMENT_KINDS)
  kind!: DocumentKind;

  @ApiPropertyOptional({ description: 'annual_report: the report year', example: 2025 })
  @ValidateIf((dto: CreateDocumentDto) => dto.kind === 'annual_report')
  @IsInt()
  @Min(1900)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ description: 'article: title' })
  @ValidateIf((dto: CreateDocumentDto) => dto.kind === 'article')
  @IsString()
  @Length(1, 200)
  title?: string;

  @ApiPropertyOptional({ description: 'article: website column (栏目)', example: '工作动态' })
  @ValidateIf((dto: CreateDocumentDto) => dto.kind === 'article')
  @IsString()
  @Length(1, 50)
  column?: string;

  @MultiLine()
  @ApiPropertyOptional({ description: 'article: rich text (HTML, sanitized before it is stored)' })
  @ValidateIf((dto: CreateDocumentDto) => dto.kind === 'article')
  @IsString()
  @Length(1, 500_000)
  body?: string;
}

export class VersionDto {
  @ApiProperty({ description: 'the version the action was made on' })
  @IsInt()
  @Min(1)
  @Max(PG_INT_MAX)
  version!: number;
}

export class PatchDocumentDto extends VersionDto {
  @MultiLine({ keys: ['body', 'sections'] })
  @ApiProperty({ description: 'partial content: given members replace the current ones' })
  @IsObject()
  content!: Record<string, unknown>;
}

export class ListDocumentsQueryDto {
  @ApiPropertyOptional({ enum: DOCUMENT_STATUSES })
  @IsOptional()
  @IsIn(DOCUMENT_STATUSES)
  status?: DocumentStatus;

  @ApiPropertyOptional({ enum: DOCUMENT_KINDS })
  @IsOptional()
  @IsIn(DOCUMENT_KINDS)
  kind?: DocumentKind;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ default: 20, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  cursor?: string;
}

export class SubmitDocumentDto extends VersionDto {
  @MultiLine()
  @ApiPropertyOptional({ description: 'annual report: the drafter’s explanation of the warnings (required while any warning rule fails)' })
  @IsOptional()
  @IsString()
  @Length(1, 5_000)
  warningsExplanation?: string;

  @MultiLine()
  @ApiPropertyOptional({
    description: '对每条阻断性检查问题的说明：键为检查结果中该问题的 key，值为说明（不超过 1000 字）；有未说明的阻断性问题时提交被拒绝',
    type: 'object',
    additionalProperties: { type: 'string' },
  })
  @IsOptional()
  @IsStringRecord(200, 1_000)
  findingExplanations?: Record<string, string>;
}

/** A plain object of at most `maxKeys` string values, each at most `maxLength` characters. */
function IsStringRecord(maxKeys: number, maxLength: number): PropertyDecorator {
  return ValidateBy({
    name: 'isStringRecord',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.keys(value).length <= maxKeys &&
        Object.values(value).every((entry) => typeof entry === 'string' && [...entry].length <= maxLength),
      defaultMessage: () => `$property must be an object of at most ${maxKeys} strings of at most ${maxLength} characters`,
    },
  });
}

export class CheckDocumentDto {
  @ApiPropertyOptional({ description: 'the version to check (default: the current one)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(PG_INT_MAX)
  version?: number;
}

export class ImportDocumentDto {
  @MultiLine()
  @ApiPropertyOptional({ description: 'the text of a published report as PDF extraction gives it (or send multipart `file`)' })
  @IsOptional()
  @IsString()
  @Length(1, 500_000)
  text?: string;
}

export class DiffQueryDto {
  @ApiPropertyOptional({ description: 'default: the last version with a review decision or publication' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PG_INT_MAX)
  from?: number;

  @ApiPropertyOptional({ description: 'default: the current version' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PG_INT_MAX)
  to?: number;
}

export class AggregateQueryDto {
  @ApiProperty({ example: 2025 })
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2100)
  year!: number;
}

export class RenderQueryDto {
  @ApiPropertyOptional({ enum: ['html', 'json'], default: 'html' })
  @IsOptional()
  @IsIn(['html', 'json'])
  format?: 'html' | 'json';

  @ApiPropertyOptional({ description: 'default: the current version' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PG_INT_MAX)
  version?: number;
}

export class DiscardDocumentDto extends VersionDto {
  @ApiProperty({ description: '删除理由' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}
