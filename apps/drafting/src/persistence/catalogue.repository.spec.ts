import { describe, expect, it } from 'vitest';
import type { EntityManager } from 'typeorm';
import { CatalogueRepository } from './catalogue.repository.js';

/** A manager answering each statement with the rows `answer` gives, keeping what was asked. */
function recording(answer: (sql: string) => unknown[]): { manager: EntityManager; asked: string[] } {
  const asked: string[] = [];
  const manager = {
    query: (sql: string) => {
      asked.push(sql.trim().split(/\s+/).slice(0, 3).join(' '));
      return Promise.resolve(answer(sql));
    },
  } as unknown as EntityManager;
  return { manager, asked };
}

describe('CatalogueRepository.provision', () => {
  it('tries the insert until it finds the settings committed, then no more for that agency', async () => {
    const repository = new CatalogueRepository();
    const { manager, asked } = recording(() => []);
    await repository.provision(manager, 'agency-a');
    await repository.provision(manager, 'agency-a');
    await repository.provision(manager, 'agency-b');
    expect(asked).toEqual(['INSERT INTO catalogue_settings', 'INSERT INTO catalogue_settings']);
  });

  it('an agency it provisioned itself is provisioned again next time (its transaction may roll back)', async () => {
    const repository = new CatalogueRepository();
    const { manager, asked } = recording((sql) => (sql.includes('catalogue_settings') ? [{ agency_id: 'agency-a' }] : []));
    await repository.provision(manager, 'agency-a');
    await repository.provision(manager, 'agency-a');
    expect(asked.filter((statement) => statement === 'INSERT INTO catalogue_settings')).toHaveLength(2);
    expect(asked.filter((statement) => statement === 'INSERT INTO site_columns').length).toBeGreaterThan(1);
  });
});
