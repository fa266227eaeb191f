type Json = Record<string, unknown>;

/**
 * The JSON schema (OpenAPI 3.0) of an example answer: every member of the example with its type,
 * arrays by their first element. The example is the one source of a route's answer schema.
 */
export function schemaOf(example: unknown): Json {
  if (example === null) return { nullable: true };
  if (Array.isArray(example)) return { type: 'array', items: example.length === 0 ? {} : schemaOf(example[0]) };
  switch (typeof example) {
    case 'string':
      return { type: 'string' };
    case 'number':
      return { type: Number.isInteger(example) ? 'integer' : 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'object': {
      const entries = Object.entries(example as Json).filter(([, value]) => value !== undefined);
      const properties = Object.fromEntries(entries.map(([key, value]) => [key, schemaOf(value)]));
      return entries.length === 0 ? { type: 'object', additionalProperties: true } : { type: 'object', properties, required: Object.keys(properties) };
    }
    default:
      return {};
  }
}
