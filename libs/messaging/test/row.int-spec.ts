import { randomUUID } from 'node:crypto';
import { dataSourceOptions, openDataSource } from '@sanshen/platform/core';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRow, lockRow, readRow, readRows, updateRow } from '../src/row.js';

const cents = { to: (value: number) => Math.round(value * 100), from: (value: number) => value / 100 };

@Entity({ name: 'row_subject' })
class RowSubject {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  title!: string;

  @Column('text', { array: true })
  tags!: string[];

  @Column('jsonb', { nullable: true })
  details!: unknown;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  @Column('integer', { transformer: cents })
  amount!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

class RowSubjectTable1760000000001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE row_subject (
      id uuid PRIMARY KEY, title text NOT NULL, tags text[] NOT NULL, details jsonb, decided_at timestamptz,
      amount integer NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE row_subject');
  }
}

describe('lockRow, readRow(s), updateRow and insertRow: plain SQL with TypeORM’s own conversions', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await openDataSource(
      dataSourceOptions(process.env.DATABASE_URL ?? '', {
        schema: `row_${randomUUID().slice(0, 8)}`,
        entities: [RowSubject],
        migrations: [RowSubjectTable1760000000001],
      }) as Parameters<typeof openDataSource>[0],
    );
  });
  afterAll(() => dataSource.destroy());

  it('reads a row as TypeORM hydrates it and writes back only what the row carries, in the transaction', async () => {
    const id = randomUUID();
    await dataSource.transaction((manager) => insertRow(manager, RowSubject, { id, title: '初稿', tags: ['a'], details: { note: '附件' }, decidedAt: null, amount: 12.34 }));
    // Inserted with TypeORM's conversions; what the row did not carry took its default.
    expect(await dataSource.manager.findOneByOrFail(RowSubject, { id })).toMatchObject({ title: '初稿', tags: ['a'], details: { note: '附件' }, decidedAt: null, amount: 12.34 });
    const before = (await dataSource.manager.findOneByOrFail(RowSubject, { id })).updatedAt;

    await dataSource.transaction(async (manager) => {
      const row = await lockRow(manager, RowSubject, id);
      expect(row).toBeInstanceOf(RowSubject);
      expect(row).toEqual(await manager.findOneByOrFail(RowSubject, { id }));
      Object.assign(row!, { title: '定稿', tags: ['a', 'b'], details: [{ level: 1 }, '二审'], decidedAt: new Date('2026-12-06T08:00:00Z'), amount: 7.5 });
      await updateRow(manager, RowSubject, row!);
      // A plain object carrying some columns: the others stay as they are.
      await updateRow(manager, RowSubject, { id, title: '终稿' } as RowSubject);
    });

    const after = await dataSource.manager.findOneByOrFail(RowSubject, { id });
    expect(after).toMatchObject({ title: '终稿', tags: ['a', 'b'], details: [{ level: 1 }, '二审'], decidedAt: new Date('2026-12-06T08:00:00Z'), amount: 7.5 });
    expect((await dataSource.query('SELECT amount FROM row_subject WHERE id = $1', [id]))[0].amount).toBe(750);
    expect(after.updatedAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
  });

  it('holds the row: a second transaction waits for the first to commit', async () => {
    const id = randomUUID();
    await insertRow(dataSource.manager, RowSubject, { id, title: 'x', tags: [], amount: 0 });
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = dataSource.transaction(async (manager) => {
      await lockRow(manager, RowSubject, id);
      order.push('first locked');
      await held;
      order.push('first commits');
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = dataSource.transaction(async (manager) => {
      await lockRow(manager, RowSubject, id);
      order.push('second locked');
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first locked', 'first commits', 'second locked']);
  });

  it('reads rows by key and by a condition, outside a transaction as inside, as TypeORM hydrates them', async () => {
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    await dataSource.transaction(async (manager) => {
      for (const [index, id] of ids.entries()) await insertRow(manager, RowSubject, { id, title: `第${index}稿`, tags: ['批次'], decidedAt: new Date(Date.UTC(2026, 11, 6 - index)), amount: index + 0.25 });
    });
    for (const id of ids) expect(await readRow(dataSource.manager, RowSubject, id)).toEqual(await dataSource.manager.findOneByOrFail(RowSubject, { id }));
    expect(await readRow(dataSource.manager, RowSubject, randomUUID())).toBeNull();
    // Run again and again on the pool's connections, each prepares it once; the same answer every time.
    for (let round = 0; round < 3; round += 1) {
      const decided = await readRows(dataSource.manager, RowSubject, 'spec_decided', 'id = ANY($1::uuid[]) AND decided_at <= $2 ORDER BY decided_at', [ids, new Date(Date.UTC(2026, 11, 5, 12))]);
      expect(decided.map((row) => row.id)).toEqual([ids[2], ids[1]]);
      expect(decided[0]).toBeInstanceOf(RowSubject);
      expect(decided[0]).toMatchObject({ title: '第2稿', tags: ['批次'], amount: 2.25 });
    }
    await dataSource.transaction(async (manager) => {
      expect((await readRows(manager, RowSubject, 'spec_decided', 'id = ANY($1::uuid[]) AND decided_at <= $2 ORDER BY decided_at', [ids, new Date()])).length).toBe(3);
    });
  });

  it('answers null for no row, and refuses to update a row that is not there', async () => {
    await dataSource.transaction(async (manager) => {
      expect(await lockRow(manager, RowSubject, randomUUID())).toBeNull();
      await expect(updateRow(manager, RowSubject, { id: randomUUID(), title: 'x' } as RowSubject)).rejects.toThrow(/expected to update one row, updated 0/);
    });
  });
});
