import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { isoDate, orNull, text } from './fields.js';
import { PAGE_QUERY } from './page-query.dto.js';

const CATEGORIES = ['statute', 'agency', 'political', 'legal', 'typo'] as const;
const SEVERITIES = ['blocking', 'warning'] as const;

const REASON = { reason: text(1000).describe('修改理由（记入词库版本）') };

export class DictionaryReasonDto extends createZodDto(z.strictObject(REASON).meta({ example: { reason: '该词条已不再适用' } })) {}

export class AddDictionaryEntryDto extends createZodDto(
  z
    .strictObject({
      ...REASON,
      wrong: text(200).describe('错误写法'),
      right: text(200).describe('正确写法'),
      category: z.enum(CATEGORIES).describe('statute 法律法规名称 / agency 机构名称 / political 规范表述 / legal 法律术语 / typo 错别字'),
      severity: z.enum(SEVERITIES).optional().describe('blocking 阻断 / warning 警告（默认）'),
      note: text(500).optional().describe('说明'),
    })
    .meta({ example: { wrong: '中华人民共和国保密法', right: '中华人民共和国保守国家秘密法', category: 'statute', severity: 'warning', reason: '法律名称须用全称' } }),
) {}

export class AddDictionaryExceptionDto extends createZodDto(
  z
    .strictObject({ ...REASON, phrase: text(200).describe('例外短语：含有它的文字不会被任何检查标出') })
    .meta({ example: { phrase: '内部控制制度', reason: '“内部”在此不是密级标识' } }),
) {}

export class AddLeaderDto extends createZodDto(
  z
    .strictObject({
      ...REASON,
      name: text(50).describe('姓名'),
      title: text(50).describe('职务'),
      from: isoDate().describe('任职起始日期（含）'),
      until: orNull(isoDate(), 'string').optional().describe('任职终止日期（不含）；空：现任'),
    })
    .meta({ example: { name: '张三', title: '副市长', from: '2021-03-01', until: null, reason: '市政府任免通知' } }),
) {}

export class DictionaryListQueryDto extends createZodDto(z.strictObject({ ...PAGE_QUERY, q: text(100).optional().describe('按文字筛选') })) {}

/** The dictionary's version history. */
export class DictionaryVersionsQueryDto extends createZodDto(z.strictObject(PAGE_QUERY)) {}
