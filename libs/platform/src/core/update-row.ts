import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';

/**
 * Writes back a row read (and locked) earlier in the same transaction: one UPDATE of its columns by
 * primary key. TypeORM's `save` would first SELECT the row again to work out what changed — a second
 * round trip on every transition's hot path. Create and update dates stay TypeORM's; a row that is
 * not there is an error, never an insert.
 */
export async function updateRow<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, row: T): Promise<void> {
  const metadata = manager.connection.getMetadata(target);
  const key = metadata.getEntityIdMap(row);
  if (key === undefined) throw new Error(`${metadata.name}: a row without its primary key cannot be updated`);
  const values: Record<string, unknown> = {};
  for (const column of metadata.columns) {
    if (column.isPrimary || column.isCreateDate || column.isUpdateDate || column.isVersion || column.isGenerated) continue;
    const value: unknown = column.getEntityValue(row);
    if (value !== undefined) values[column.propertyPath] = value;
  }
  const result = await manager.update(target, key, values as QueryDeepPartialEntity<T>);
  if (result.affected !== 1) throw new Error(`${metadata.name}: expected to update one row, updated ${String(result.affected)}`);
}
