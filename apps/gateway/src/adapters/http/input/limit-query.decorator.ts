import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `?limit=` of a list: an optional whole number from 1 to `max`. */
export function LimitQuery(max: number, description = `条数（1–${max}）`): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ description, minimum: 1, maximum: max }), IsOptional(), Type(() => Number), IsInt(), Min(1), Max(max));
}
