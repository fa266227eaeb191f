import 'reflect-metadata';

const MULTI_LINE = Symbol('sanshen:multi-line');

/**
 * Which part of a property may hold several lines: `all` (prose, rich text) or, for an object of
 * mixed members, only the members named (e.g. a document's `body` and `sections`, not its `title`).
 */
export type MultiLineSpec = 'all' | { keys: readonly string[] };

/**
 * Marks a DTO property as multi-line text (tab, line feed and carriage return allowed). Every other
 * string of a request is single-line: the input policy (issue #11) refuses line breaks there.
 */
export function MultiLine(options?: { keys: readonly string[] }): PropertyDecorator {
  return (target, property) => {
    const own: Record<string, MultiLineSpec> = { ...multiLineFields(target.constructor) };
    own[String(property)] = options ?? 'all';
    Reflect.defineMetadata(MULTI_LINE, own, target.constructor);
  };
}

/** The multi-line properties of a DTO class (its parents' included); empty for anything else. */
export function multiLineFields(type: unknown): Readonly<Record<string, MultiLineSpec>> {
  if (typeof type !== 'function') return {};
  return (Reflect.getMetadata(MULTI_LINE, type) as Record<string, MultiLineSpec> | undefined) ?? {};
}
