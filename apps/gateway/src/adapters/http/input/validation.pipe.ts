import type { ArgumentMetadata } from '@nestjs/common';
import { DomainError } from '@sanshen/kernel';
import { createZodValidationPipe } from 'nestjs-zod';
import { z } from 'zod';

/** Problems in Chinese, whatever language zod is configured with elsewhere in the process. */
const CHINESE = z.locales.zhCN().localeError;

/** One field of a refused request and what is wrong with it. */
export interface FieldProblems {
  field: string;
  problems: string[];
}

/** A refusal's issues, one entry per field (unknown fields each named), in the order zod found them. */
export function fieldProblems(error: z.ZodError): FieldProblems[] {
  const byField = new Map<string, string[]>();
  const add = (field: string, problem: string) => byField.set(field, [...(byField.get(field) ?? []), problem]);
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add(field === '' ? key : `${field}.${key}`, '不允许的字段');
      continue;
    }
    add(field, issue.code === 'custom' ? issue.message : problemOf(issue));
  }
  return [...byField].map(([field, problems]) => ({ field, problems }));
}

function problemOf(issue: z.core.$ZodIssue): string {
  const localised = CHINESE(issue as unknown as z.core.$ZodRawIssue);
  return typeof localised === 'string' ? localised : (localised?.message ?? issue.message);
}

/**
 * The gateway's validation of every body, query and path DTO (nestjs-zod): the DTO's schema refuses
 * unknown fields and converts query strings; a refusal is 400 `REQUEST.INVALID` with
 * `details.errors: [{field, problems}]`.
 */
const ZodValidationPipe = createZodValidationPipe({
  createValidationException: (error: unknown) =>
    error instanceof z.ZodError ? new DomainError('REQUEST.INVALID', { errors: fieldProblems(error) }) : (error as Error),
});

export class RequestValidationPipe extends ZodValidationPipe {
  /** A request without a body (or a multipart one) is judged as `{}`: a DTO of optional fields accepts it (as before). */
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const schema = typeof metadata.metatype === 'function' ? (metadata.metatype as { schema?: unknown }).schema : undefined;
    if (!(schema instanceof z.ZodType)) return super.transform(value, metadata);
    // Nest runs each parameter's pipes concurrently and answers the first refusal. The text policy
    // is synchronous; judging the schema on the next turn of the event loop lets a forbidden
    // character anywhere in the request (422) win over an invalid value elsewhere (400), always.
    await new Promise((resolve) => setImmediate(resolve));
    return super.transform(withoutNullOptionals(schema, value ?? {}), metadata);
  }
}

/** An optional field given as null is absent, as it always was at this API (class-validator's `@IsOptional()`). */
function withoutNullOptionals(schema: z.ZodType, value: unknown): unknown {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return withoutNullOptionals(schema.unwrap() as z.ZodType, value);
  if (schema instanceof z.ZodArray && Array.isArray(value)) return value.map((item) => withoutNullOptionals(schema.element as z.ZodType, item));
  if (!(schema instanceof z.ZodObject) || typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const shape = schema.shape as Record<string, z.ZodType | undefined>;
  const kept: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const field = shape[key];
    if (item === null && field instanceof z.ZodOptional && !field.safeParse(null).success) continue;
    kept[key] = field === undefined ? item : withoutNullOptionals(field, item);
  }
  return kept;
}
