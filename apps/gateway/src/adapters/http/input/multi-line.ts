import { z } from 'zod';

/**
 * Which part of a property may hold several lines: `all` (prose, rich text) or, for an object of
 * mixed members, only the members named (e.g. a document's `body` and `sections`, not its `title`).
 */
export type MultiLineSpec = 'all' | { keys: readonly string[] };

const MULTI_LINE = z.registry<{ spec: MultiLineSpec }>();

/**
 * Marks a DTO field's schema as multi-line text (tab, line feed and carriage return allowed). Every
 * other string of a request is single-line: the input policy (issue #11) refuses line breaks there.
 * Mark the field's outermost schema (after `.optional()`).
 */
export function multiLine<T extends z.ZodType>(schema: T, options?: { keys: readonly string[] }): T {
  MULTI_LINE.add(schema, { spec: options ?? 'all' });
  return schema;
}

/** The multi-line properties of a zod DTO class (its schema's marked fields); empty for anything else. */
export function multiLineFields(type: unknown): Readonly<Record<string, MultiLineSpec>> {
  const schema = (type as { schema?: unknown } | null | undefined)?.schema;
  if (!(schema instanceof z.ZodObject)) return {};
  const fields: Record<string, MultiLineSpec> = {};
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const marked = MULTI_LINE.get(field);
    if (marked !== undefined) fields[key] = marked.spec;
  }
  return fields;
}
