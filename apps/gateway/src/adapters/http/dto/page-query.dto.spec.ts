import { describe, expect, it } from 'vitest';
import type { ZodDto } from 'nestjs-zod';
import type { z } from 'zod';
import { DictionaryListQueryDto, DictionaryVersionsQueryDto } from './dictionary.dto.js';
import { AuditPageQueryDto } from './organisation.dto.js';

function problems(dto: ZodDto<z.ZodType>, query: Record<string, string>): string[] {
  const result = dto.schema.safeParse(query);
  return result.success ? [] : result.error.issues.flatMap((issue) => (issue.code === 'unrecognized_keys' ? issue.keys : issue.path.map(String)));
}

describe('list query DTOs', () => {
  it('take limit and cursor from the query string, within bounds', () => {
    expect(DictionaryVersionsQueryDto.schema.parse({ limit: '50', cursor: 'abc' })).toEqual({ limit: 50, cursor: 'abc' });
    expect(problems(DictionaryVersionsQueryDto, { limit: '501' })).toEqual(['limit']);
    expect(problems(DictionaryVersionsQueryDto, { limit: '0' })).toEqual(['limit']);
    expect(problems(DictionaryListQueryDto, { q: '保密', limit: '10' })).toEqual([]);
    expect(problems(DictionaryListQueryDto, { other: 'x' })).toEqual(['other']);
  });

  it('keeps the identity audit trail’s numeric cursor', () => {
    expect(problems(AuditPageQueryDto, { cursor: '12345' })).toEqual([]);
    expect(problems(AuditPageQueryDto, { cursor: 'abc' })).toEqual(['cursor']);
  });
});
