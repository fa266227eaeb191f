import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { DictionaryListQueryDto, DictionaryVersionsQueryDto } from './dictionary.dto.js';
import { AuditPageQueryDto } from './organisation.dto.js';

async function problems(type: new () => object, query: Record<string, string>): Promise<string[]> {
  const errors = await validate(plainToInstance(type, query), { whitelist: true, forbidNonWhitelisted: true });
  return errors.map((error) => error.property);
}

describe('list query DTOs', () => {
  it('take limit and cursor from the query string, within bounds', async () => {
    expect(await problems(DictionaryVersionsQueryDto, { limit: '50', cursor: 'abc' })).toEqual([]);
    expect(await problems(DictionaryVersionsQueryDto, { limit: '501' })).toEqual(['limit']);
    expect(await problems(DictionaryVersionsQueryDto, { limit: '0' })).toEqual(['limit']);
    expect(await problems(DictionaryListQueryDto, { q: '保密', limit: '10' })).toEqual([]);
    expect(await problems(DictionaryListQueryDto, { other: 'x' })).toEqual(['other']);
  });

  it('keeps the identity audit trail’s numeric cursor', async () => {
    expect(await problems(AuditPageQueryDto, { cursor: '12345' })).toEqual([]);
    expect(await problems(AuditPageQueryDto, { cursor: 'abc' })).toEqual(['cursor']);
  });
});
