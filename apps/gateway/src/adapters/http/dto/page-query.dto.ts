import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { queryInt, text } from './fields.js';

/** `?limit=&cursor=` of a list (API.md conventions); the service decides the default limit. */
export const PAGE_QUERY = {
  limit: queryInt(1, 500).optional().describe('每页条数（1–500）'),
  cursor: text(200).optional().describe('上一页返回的 nextCursor'),
};

export class PageQueryDto extends createZodDto(z.strictObject(PAGE_QUERY)) {}
