import { FINDING_DISPOSITIONS, REFERRAL_CONCLUSIONS, SECRECY_CONCLUSIONS } from '@sanshen/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { multiLine } from '../input/multi-line.js';
import { VERSION } from './document.dto.js';
import { text } from './fields.js';

const BASIS = { basis: text(1000).describe('审查依据') };

export class SecrecyDecisionDto extends createZodDto(
  z
    .strictObject({
      ...VERSION,
      conclusion: z.enum(SECRECY_CONCLUSIONS).describe('public 可以公开 / return 退回修改 / refer 报保密行政管理部门'),
      ...BASIS,
      opinion: multiLine(text(4000).describe('审查意见')),
    })
    .meta({ example: { version: 4, conclusion: 'public', basis: '《中华人民共和国保守国家秘密法》第三十五条', opinion: '经审查，不涉及国家秘密，可以公开。' } }),
) {}

export class DisposeFindingDto extends createZodDto(
  z
    .strictObject({
      disposition: z
        .enum(FINDING_DISPOSITIONS)
        .describe('ignored 本次忽略（保密审查员）/ whitelisted 加入词库例外（保密审查员）/ fixed 只能通过退回修改形成新版本'),
      reason: text(2000).describe('处置理由'),
    })
    .meta({ example: { disposition: 'ignored', reason: '该电话为单位公开的办公电话' } }),
) {}

export class ReferralAnswerDto extends createZodDto(
  z
    .strictObject({
      ...VERSION,
      conclusion: z.enum(REFERRAL_CONCLUSIONS).describe('保密行政管理部门的答复：public 可以公开 / return 退回修改'),
      answerReference: text(200).describe('答复文号或编号'),
      ...BASIS,
      opinion: multiLine(text(4000).optional().describe('意见（默认：答复编号与结论）')),
    })
    .meta({ example: { version: 4, conclusion: 'public', answerReference: '海保密函〔2025〕3号', basis: '《中华人民共和国保守国家秘密法》第三十五条' } }),
) {}
