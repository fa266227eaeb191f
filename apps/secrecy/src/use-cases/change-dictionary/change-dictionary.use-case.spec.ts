import { describe, expect, it } from 'vitest';
import type { AddDictionaryEntryRequest, AddLeaderRequest } from '@sanshen/contracts';
import { AGENCY, person, secrecyHarness } from '../secrecy.fixture.js';
import type { SecrecyWorld } from '../secrecy.fixture.js';
import { ChangeDictionaryUseCase } from './change-dictionary.use-case.js';

const admin = person('admin', ['admin'], { displayName: '管理员' });
const entry = (changes: Partial<AddDictionaryEntryRequest> = {}): AddDictionaryEntryRequest => ({ wrong: ' 帐号 ', right: '账号', category: 'typo', reason: ' 规范用字 ', ...changes });
const leader = (changes: Partial<AddLeaderRequest> = {}): AddLeaderRequest => ({ name: ' 张三 ', title: '局长', from: '2024-01-01', reason: '任命', ...changes });

function change(world: SecrecyWorld = {}) {
  const { dataSource, dictionary, publisher, log } = secrecyHarness(world);
  return { useCase: new ChangeDictionaryUseCase(dataSource, dictionary, publisher), log };
}

describe('ChangeDictionaryUseCase', () => {
  it('adds an entry in a new dictionary version recording who and why', async () => {
    const { useCase, log } = change();
    expect(await useCase.addEntry(admin, entry(), 'c')).toMatchObject({ wrong: '帐号', right: '账号', severity: 'warning', note: null, version: 5 });
    expect(log).toEqual(['version 5 by admin (规范用字): add entry 帐号 → 账号', 'add entry 帐号→账号 warning in 5', 'publish dictionary v5', 'drafting holds v5']);
  });

  it('adds an exception phrase in a new version', async () => {
    const { useCase, log } = change();
    expect(await useCase.addException(admin, { phrase: ' 帐号密码 ', reason: '固定搭配' }, 'c')).toMatchObject({ phrase: '帐号密码', version: 5 });
    expect(log).toEqual(['version 5 by admin (固定搭配): add exception 帐号密码', 'add exception 帐号密码 in 5', 'publish dictionary v5', 'drafting holds v5']);
  });

  it('adds a leader’s tenure to the admin’s own agency', async () => {
    const { useCase, log } = change();
    expect(await useCase.addLeader(admin, leader(), 'c')).toMatchObject({ agencyId: AGENCY, name: '张三', until: null, version: 5 });
    expect(log).toEqual(['version 5 by admin (任命): add leader 张三 局长（2024-01-01起）', `add leader 张三 of ${AGENCY} in 5`, 'publish dictionary v5', 'drafting holds v5']);
  });

  it('removes a live item of the admin’s agency in a new version', async () => {
    const { useCase, log } = change();
    const version = await useCase.remove(admin, 'leaders', { id: 'l-1', reason: '离任' }, 'c');
    expect(version).toMatchObject({ version: 5, createdById: 'admin', createdByName: '管理员', reason: '离任', change: { op: 'remove', kind: 'leader', id: 'l-1', summary: 'item l-1' } });
    expect(log).toEqual([`lock leaders l-1 in ${AGENCY}`, 'version 5 by admin (离任): remove leader item l-1', 'remove leaders l-1 in 5', 'publish dictionary v5', 'drafting holds v5']);
  });

  it.each<[string, (useCase: ChangeDictionaryUseCase) => Promise<unknown>, SecrecyWorld, string]>([
    ['a secrecy officer', (useCase) => useCase.addEntry(person('o', ['secrecy_officer']), entry(), 'c'), {}, 'DICTIONARY.ADMIN_ONLY'],
    ['a change without a reason', (useCase) => useCase.addException(admin, { phrase: 'x', reason: ' ' }, 'c'), {}, 'SECRECY.REASON_REQUIRED'],
    ['an entry whose right equals its wrong', (useCase) => useCase.addEntry(admin, entry({ right: '帐号' }), 'c'), {}, 'DICTIONARY.ENTRY_INVALID'],
    ['an empty entry', (useCase) => useCase.addEntry(admin, entry({ wrong: ' ' }), 'c'), {}, 'DICTIONARY.ENTRY_INVALID'],
    ['an unknown category', (useCase) => useCase.addEntry(admin, entry({ category: 'gossip' as AddDictionaryEntryRequest['category'] }), 'c'), {}, 'DICTIONARY.ENTRY_INVALID'],
    ['a second live entry of the same wrong', (useCase) => useCase.addEntry(admin, entry(), 'c'), { entries: ['帐号'] }, 'DICTIONARY.DUPLICATE'],
    ['an entry that is an exception', (useCase) => useCase.addEntry(admin, entry(), 'c'), { exceptions: ['帐号'] }, 'DICTIONARY.ENTRY_INVALID'],
    ['an empty exception', (useCase) => useCase.addException(admin, { phrase: ' ', reason: 'r' }, 'c'), {}, 'DICTIONARY.ENTRY_INVALID'],
    ['a second live exception', (useCase) => useCase.addException(admin, { phrase: '帐号', reason: 'r' }, 'c'), { exceptions: ['帐号'] }, 'DICTIONARY.DUPLICATE'],
    ['a tenure ending before it starts', (useCase) => useCase.addLeader(admin, leader({ until: '2023-01-01' }), 'c'), {}, 'DICTIONARY.ENTRY_INVALID'],
    ['a tenure with no name', (useCase) => useCase.addLeader(admin, leader({ name: ' ' }), 'c'), {}, 'DICTIONARY.ENTRY_INVALID'],
    ['removing an item that is not live in the agency', (useCase) => useCase.remove(admin, 'dictionary_entries', { id: 'e-1', reason: 'r' }, 'c'), { liveItem: null }, 'DICTIONARY.ITEM_NOT_FOUND'],
  ])('refuses %s and opens no version', async (_label, act, world, code) => {
    const { useCase, log } = change(world);
    await expect(act(useCase)).rejects.toMatchObject({ code });
    expect(log.filter((line) => line.startsWith('version'))).toEqual([]);
  });
});
