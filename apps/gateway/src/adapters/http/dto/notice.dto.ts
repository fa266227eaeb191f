import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { id, queryInt } from './fields.js';

export class NoticeQueryDto extends createZodDto(
  z.strictObject({
    unread: z.enum(['true', 'false']).optional().describe('true：只列未读通知'),
    limit: queryInt(1, 100).optional().describe('条数（1–100，默认 50）'),
  }),
) {}

export class MarkNoticesReadDto extends createZodDto(
  z
    .strictObject({
      ids: z.array(id()).max(200).optional().describe('要标为已读的通知 ID'),
      all: z.boolean().optional().describe('true：全部标为已读'),
    })
    .meta({ example: { ids: ['7d0c4c3e-2f1a-4e8b-9a56-1c2d3e4f5a6b'] } }),
) {}
