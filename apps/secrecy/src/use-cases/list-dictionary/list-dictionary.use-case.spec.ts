import { describe, expect, it } from 'vitest';
import type { Actor } from '@sanshen/kernel';
import type { DictionaryRepository } from '../../persistence/dictionary.repository.js';
import { AGENCY, person, secrecyHarness } from '../secrecy.fixture.js';
import { ListDictionaryUseCase } from './list-dictionary.use-case.js';

/** The dictionary's reads, each answering what it was asked for. */
function list() {
  const { dataSource, dictionary } = secrecyHarness({ dictionaryVersion: 7 });
  const page = (what: string) => async (...args: unknown[]) => ({ items: [[what, ...args.slice(1)]], nextCursor: null });
  const reads = Object.assign(dictionary, {
    listEntries: page('entries'),
    listExceptions: page('exceptions'),
    listLeaders: page('leaders'),
    versions: page('versions'),
  }) as DictionaryRepository;
  return new ListDictionaryUseCase(dataSource, reads);
}

const officer = person('o', ['secrecy_officer']);

describe('ListDictionaryUseCase', () => {
  it('pages the live entries at the current version, the query trimmed, 100 by default', async () => {
    expect(await list().entries(officer, { q: ' 帐号 ' })).toEqual({ version: 7, items: [['entries', '帐号', 0, 100]], nextCursor: null });
  });

  it('reads exceptions and versions from a cursor, the limit kept within 1..500', async () => {
    expect(await list().exceptions(person('a', ['admin']), { q: '  ', cursor: '200', limit: 9999 })).toMatchObject({ items: [['exceptions', undefined, 200, 500]] });
    expect(await list().versions(officer, { limit: 0 })).toMatchObject({ items: [['versions', 0, 1]] });
  });

  it('lists only the actor’s own agency’s leaders', async () => {
    expect(await list().leaders(officer, {})).toMatchObject({ version: 7, items: [['leaders', AGENCY, undefined, 0, 100]] });
  });

  it.each<[string, Actor, { cursor?: string }, string]>([
    ['a drafter', person('d', ['drafter']), {}, 'AUTH.FORBIDDEN'],
    ['a cursor that is not an offset', officer, { cursor: 'abc' }, 'REQUEST.INVALID'],
    ['a negative cursor', officer, { cursor: '-1' }, 'REQUEST.INVALID'],
  ])('refuses %s', async (_label, who, request, code) => {
    await expect(list().entries(who, request)).rejects.toMatchObject({ code });
  });
});
