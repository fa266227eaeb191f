import { OPENNESS } from '@sanshen/kernel';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { isoDate, text } from './fields.js';

/** The 公开目录 fields a drafter fills on an article (all optional; empty text means not given). */
export const articleCatalogue = () =>
  z
    .strictObject({
      writtenOn: z.union([isoDate(), z.literal('')]).optional().describe('成文日期（YYYY-MM-DD）；不填则取发布日期'),
      documentNumber: text(50, 0).optional().describe('文号，如 东工信〔2026〕12号'),
      topic: text(30, 0).optional().describe('主题分类：本单位公开目录设置中的一项；不填则取第一项'),
      openness: z.enum(OPENNESS).optional().describe('公开方式；不填为“主动公开”'),
    })
    .describe('政府信息公开目录信息（索引号、发布机构、发布日期由系统生成）');

const columnCode = () => text(20, 2).describe('栏目代码：小写字母开头，2至20位小写字母、数字、_ 或 -；创建后不可更改');
const columnName = () => text(20).describe('栏目名称');

export class CreateColumnDto extends createZodDto(
  z.strictObject({ code: columnCode(), name: columnName() }).meta({ example: { code: 'zcwj', name: '政策文件' } }),
) {}

export class UpdateColumnDto extends createZodDto(
  z
    .strictObject({
      name: columnName().optional(),
      retired: z.boolean().optional().describe('true 停用（已发布的内容仍在该栏目下），false 恢复启用'),
    })
    .refine((dto) => dto.name !== undefined || dto.retired !== undefined, '须提供 name 或 retired')
    .meta({ example: { name: '通知公告（新）' } }),
) {}

export class ReorderColumnsDto extends createZodDto(
  z
    .strictObject({ codes: z.array(columnCode()).min(1).max(100).describe('本单位全部栏目的代码，按新的顺序') })
    .meta({ example: { codes: ['tzgg', 'gzdt', 'zcjd', 'rsxx', 'ndbg'] } }),
) {}

export class CatalogueSettingsDto extends createZodDto(
  z
    .strictObject({
      agencyCode: text(32).describe('索引号中的机构代码（如统一社会信用代码）'),
      indexPattern: text(60).describe('索引号格式：{agency} 机构代码、{column} 栏目代码、{year} 年份、{serial} 或 {serial:N}（N 位）序号'),
      topics: z.array(text(30)).min(1).max(50).describe('主题分类列表（第一项为默认值）'),
    })
    .meta({ example: { agencyCode: '11632100MB1234567X', indexPattern: '{agency}/{column}-{year}-{serial:5}', topics: ['综合政务', '工业、交通'] } }),
) {}
