import type { ReviewLevel } from '@sanshen/kernel';
import { z } from 'zod';
import { PG_INT_MAX } from '../input/int-param.pipe.js';

/**
 * The building blocks of the gateway's request schemas (zod; nestjs-zod turns each DTO into its
 * validation and its OpenAPI schema). One home for each rule a field follows, so DTOs only name them.
 */

/** Text of `min`–`max` characters, counted in code points (after the input policy's NFC). */
export function text(max: number, min = 1): z.ZodString {
  return z
    .string()
    .refine((value) => {
      const length = [...value].length;
      return length >= min && length <= max;
    }, `长度须为 ${min}–${max} 个字符`)
    .meta({ minLength: min, maxLength: max });
}

/** An integer within [min, max]; from a query string, its digits. */
export function int(min: number, max: number): z.ZodNumber {
  return z.number().int().min(min).max(max);
}

export function queryInt(min: number, max: number): z.ZodCoercedNumber<unknown> {
  return z.coerce.number<unknown>().int().min(min).max(max);
}

/** A document version (PostgreSQL `integer`). */
export const version = (): z.ZodNumber => int(1, PG_INT_MAX);
export const queryVersion = (): z.ZodCoercedNumber<unknown> => queryInt(1, PG_INT_MAX);

/** A report year. */
export const year = (): z.ZodNumber => int(1900, 2100);

/** Any 8-4-4-4-12 hexadecimal identifier (every UUID version). */
export const id = (): z.ZodGUID => z.guid();

/** `'true'` / `'false'` of a query string as a boolean. */
export const queryBoolean = () => z.enum(['true', 'false']).transform((value) => value === 'true');

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/;

/** A date or date-time in ISO 8601 (a real calendar moment). */
export function isoInstant(): z.ZodString {
  return z
    .string()
    .max(40)
    .refine((value) => ISO_8601.test(value) && !Number.isNaN(Date.parse(value)), '须为 ISO 8601 日期时间，如 2026-12-01T09:00:00+08:00');
}

/** A calendar date `YYYY-MM-DD`. */
export const isoDate = (): z.ZodString => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '须为 YYYY-MM-DD 格式的日期');

/**
 * `schema` or null. The OpenAPI schema names its type: @nestjs/swagger 12 turns an untyped
 * `anyOf [T, null]` property into an array.
 */
export function orNull<T extends z.ZodType>(schema: T, type: 'string' | 'integer') {
  return schema.nullable().meta({ type });
}

/** The review level a decision was made at. */
export const reviewLevel = () => int(1, 3).transform((level) => level as ReviewLevel);
