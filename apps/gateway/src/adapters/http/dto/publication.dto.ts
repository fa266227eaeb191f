import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { VERSION } from './document.dto.js';
import { isoInstant, text } from './fields.js';

export class ScheduleDto extends createZodDto(
  z
    .strictObject({ ...VERSION, publishAt: isoInstant().describe('定时发布时间（ISO 8601，含时区），须为将来的时间') })
    .meta({ example: { version: 4, publishAt: '2026-12-01T09:00:00+08:00' } }),
) {}

export class RetractDto extends createZodDto(
  z.strictObject({ reason: text(500).describe('撤稿理由（将显示在门户网站的撤稿说明中）') }).meta({ example: { reason: '文中数据有误，待核实后重新发布' } }),
) {}

export class CorrectionDto extends createZodDto(
  z.strictObject({ reason: text(500).optional().describe('更正原因') }).meta({ example: { reason: '更正第二段中的日期' } }),
) {}
