import { describe, expect, it } from 'vitest';
import { StatementNames } from './preparing-client.js';

describe('StatementNames', () => {
  it('names a text the second time it is seen, and the same name ever after', () => {
    const names = new StatementNames();
    expect(names.nameFor('SELECT $1')).toBeNull();
    const name = names.nameFor('SELECT $1');
    expect(name).toMatch(/^sanshen_auto_\d+$/);
    expect(names.nameFor('SELECT $1')).toBe(name);
    expect(names.nameFor('SELECT $2')).toBeNull();
    expect(names.nameFor('SELECT $2')).not.toBe(name);
  });

  it('names no more texts than its limit; the named keep their names', () => {
    const names = new StatementNames(2);
    for (const text of ['a', 'b', 'c']) names.nameFor(text);
    const named = ['a', 'b', 'c'].map((text) => names.nameFor(text));
    expect(named.filter((name) => name !== null)).toHaveLength(2);
    expect(names.nameFor('c')).toBeNull();
    expect(names.nameFor('a')).toBe(named[0]);
  });
});
