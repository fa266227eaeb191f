import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { BATCH_APPROVE_LIMIT } from '../../../use-cases/batch-approve/batch-approve.use-case.js';
import { multiLine } from '../input/multi-line.js';
import { PRINTABLE_QUERY, VERSION } from './document.dto.js';
import { id, isoInstant, queryInt, reviewLevel, text } from './fields.js';

const COMMENT = { comment: multiLine(text(2000, 0).optional().describe('审核意见')) };
const LEVEL = { level: reviewLevel().optional().describe('待办列表中的审核级别（1–3）；案件已进入其他级别时返回 409') };

export class ApproveDto extends createZodDto(
  z.strictObject({ ...VERSION, ...COMMENT, ...LEVEL }).meta({ example: { version: 3, comment: '同意发布。', level: 1 } }),
) {}

export class ReturnDto extends createZodDto(
  z
    .strictObject({
      ...VERSION,
      reason: text(2000).describe('退回理由'),
      to: z.enum(['drafter', 'previous']).describe('drafter 退回起草人 / previous 驳回上一级（第一级即起草人）'),
      ...LEVEL,
    })
    .meta({ example: { version: 3, reason: '第二段数据须与统计局口径一致', to: 'drafter', level: 2 } }),
) {}

export class CreateDelegationDto extends createZodDto(
  z
    .strictObject({
      toUserId: id().describe('接受委托、代为审核的用户'),
      from: isoInstant().describe('开始时间（ISO 8601）'),
      until: isoInstant().describe('结束时间（不含，ISO 8601）'),
    })
    .meta({ example: { toUserId: '5b1f0d6e-8c2a-4f3b-9d7e-0a1b2c3d4e5f', from: '2026-12-07T00:00:00+08:00', until: '2026-12-14T00:00:00+08:00' } }),
) {}

export class DelegatesQueryDto extends createZodDto(
  z.strictObject({
    q: text(50, 0).optional().describe('姓名或科室名称的一部分'),
    limit: queryInt(1, 50).optional().describe('条数（1–50，默认 20）'),
  }),
) {}

export class ApprovalSheetQueryDto extends createZodDto(z.strictObject(PRINTABLE_QUERY)) {}

const BATCH_ITEM = z.strictObject({ ...VERSION, documentId: id().describe('文档 ID'), ...LEVEL });

export class BatchApproveDto extends createZodDto(
  z
    .strictObject({
      items: z.array(BATCH_ITEM).min(1).max(BATCH_APPROVE_LIMIT).describe(`要同意的文档（1–${BATCH_APPROVE_LIMIT} 项），逐项独立审批`),
      ...COMMENT,
    })
    .meta({ example: { items: [{ documentId: '3f2b8c1d-4e5a-4b6c-8d7e-9f0a1b2c3d4e', version: 3, level: 1 }], comment: '同意。' } }),
) {}
