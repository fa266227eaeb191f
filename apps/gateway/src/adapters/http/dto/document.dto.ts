import { DOCUMENT_KINDS, DOCUMENT_STATUSES } from '@sanshen/kernel';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { multiLine } from '../input/multi-line.js';
import { articleCatalogue } from './catalogue.dto.js';
import { id, queryInt, queryVersion, text, version, year } from './fields.js';

/** Which fields each kind of document needs when it is created. */
const REQUIRED_FOR_KIND = { article: ['title', 'column', 'body'], annual_report: ['year'] } as const;

export class CreateDocumentDto extends createZodDto(
  z
    .strictObject({
      kind: z.enum(DOCUMENT_KINDS).describe('article 网站文章 / annual_report 政府信息公开工作年度报告'),
      year: year().optional().describe('年度报告：报告年度'),
      title: text(200).optional().describe('文章：标题'),
      column: text(50).optional().describe('文章：栏目代码（本单位启用中的栏目之一，见 GET /api/v1/agencies/{agencyId}/columns）'),
      body: multiLine(text(500_000).optional().describe('文章：正文（HTML，保存前净化）')),
      catalogue: articleCatalogue().optional(),
    })
    .superRefine((dto, context) => {
      for (const field of REQUIRED_FOR_KIND[dto.kind]) {
        if (dto[field] === undefined) context.addIssue({ code: 'custom', path: [field], message: `${dto.kind} 须提供 ${field}` });
      }
    })
    .meta({ example: { kind: 'article', title: '关于调整办公时间的通知', column: 'tzgg', body: '<p>自下月起，办公时间调整为……</p>', catalogue: { writtenOn: '2026-12-01', documentNumber: '东工信〔2026〕12号', topic: '综合政务', openness: '主动公开' } } }),
) {}

/** The version an action is made on. */
export const VERSION = { version: version().describe('操作所针对的版本号') };

export class VersionDto extends createZodDto(z.strictObject(VERSION).meta({ example: { version: 3 } })) {}

export class PatchDocumentDto extends createZodDto(
  z
    .strictObject({
      ...VERSION,
      content: multiLine(z.record(z.string(), z.unknown()).describe('部分内容：所给成员替换当前内容中的同名成员'), { keys: ['body', 'sections'] }),
    })
    .meta({ example: { version: 3, content: { title: '关于调整办公时间的通知（修订）' } } }),
) {}

export class ListDocumentsQueryDto extends createZodDto(
  z.strictObject({
    status: z.enum(DOCUMENT_STATUSES).optional().describe('按状态筛选'),
    kind: z.enum(DOCUMENT_KINDS).optional().describe('按类型筛选'),
    year: queryInt(1900, 2100).optional().describe('按报告年度筛选'),
    departmentId: id().optional().describe('按科室筛选'),
    q: text(100).optional().describe('按标题文字筛选'),
    limit: queryInt(1, 100).optional().describe('每页条数（1–100，默认 20）'),
    cursor: text(200).optional().describe('上一页返回的 nextCursor'),
  }),
) {}

/** A plain object of at most `maxKeys` string values, each at most `maxLength` characters. */
function stringRecord(maxKeys: number, maxLength: number) {
  return z
    .record(z.string(), text(maxLength, 0))
    .refine((record) => Object.keys(record).length <= maxKeys, `至多 ${maxKeys} 项`);
}

export class SubmitDocumentDto extends createZodDto(
  z
    .strictObject({
      ...VERSION,
      warningsExplanation: multiLine(text(5_000).optional().describe('年度报告：对警告的情况说明（有警告级规则未通过时必填）')),
      findingExplanations: multiLine(
        stringRecord(200, 1_000)
          .optional()
          .describe('对每条阻断性检查问题的说明：键为检查结果中该问题的 key，值为说明（不超过 1000 字）；有未说明的阻断性问题时提交被拒绝'),
      ),
    })
    .meta({ example: { version: 3, findingExplanations: { 'personal_data:0': '该电话为单位公开的办公电话' } } }),
) {}

export class CheckDocumentDto extends createZodDto(
  z.strictObject({ version: version().optional().describe('要检查的版本（默认：当前版本）') }).meta({ example: { version: 3 } }),
) {}

export class ImportDocumentDto extends createZodDto(
  z
    .strictObject({ text: multiLine(text(500_000).optional().describe('已发布报告的文本（PDF 提取所得），或以 multipart 上传 file')) })
    .meta({ example: { text: '某某局2025年政府信息公开工作年度报告\n一、总体情况……' } }),
) {}

export class DiffQueryDto extends createZodDto(
  z.strictObject({
    from: queryVersion().optional().describe('起始版本（默认：最近一次有审核决定或发布的版本）'),
    to: queryVersion().optional().describe('目标版本（默认：当前版本）'),
  }),
) {}

export class AggregateQueryDto extends createZodDto(z.strictObject({ year: queryInt(1900, 2100).describe('报告年度') })) {}

/** `?format=html|json&version=` of a printable page (rendering, approval sheet). */
export const PRINTABLE_QUERY = {
  format: z.enum(['html', 'json']).optional().describe('html 可打印页面（默认）/ json 同一数据'),
  version: queryVersion().optional().describe('版本（默认：当前版本）'),
};

export class RenderQueryDto extends createZodDto(z.strictObject(PRINTABLE_QUERY)) {}

export class DiscardDocumentDto extends createZodDto(
  z.strictObject({ ...VERSION, reason: text(500).describe('删除理由') }).meta({ example: { version: 1, reason: '重复起草，保留另一稿' } }),
) {}
