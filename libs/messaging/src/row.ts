import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import { preparedStatement } from './prepared.js';

/** The statements of one flat entity, built once from TypeORM's metadata. */
interface RowStatements {
  name: string;
  table: string;
  /** The single-column primary key that locking, reading by key and updating take (null: a composite key). */
  key: ColumnMetadata | null;
  columns: readonly ColumnMetadata[];
  /** Written by `updateRow` when the row carries a value: every column but the key, dates and generated ones. */
  written: readonly ColumnMetadata[];
  /** Set by the database on every update: the update date (now), the version (+ 1). */
  stamped: readonly string[];
  /** `SELECT <every column> FROM <table>`: the start of every read. */
  select: string;
  lock: string;
  /** INSERT and UPDATE statements by kind and the set of columns the row carries values for. */
  shaped: Map<string, { name: string; text: string }>;
}

const statements = new WeakMap<EntityMetadata, RowStatements>();

const quote = (identifier: string): string => `"${identifier.replaceAll('"', '""')}"`;

function statementsOf(metadata: EntityMetadata): RowStatements {
  const known = statements.get(metadata);
  if (known !== undefined) return known;
  if (metadata.relations.length > 0 || metadata.embeddeds.length > 0) throw new Error(`${metadata.name}: row access takes flat entities`);
  const key = metadata.primaryColumns.length === 1 ? (metadata.primaryColumns[0] as ColumnMetadata) : null;
  const table = metadata.schema === undefined ? quote(metadata.tableName) : `${quote(metadata.schema)}.${quote(metadata.tableName)}`;
  const columns = metadata.columns;
  const built: RowStatements = {
    name: `${metadata.schema ?? ''}_${metadata.tableName}`,
    table,
    key,
    columns,
    written: columns.filter(
      (column) => column.isUpdate && !column.isPrimary && !column.isCreateDate && !column.isUpdateDate && !column.isVersion && !column.isGenerated,
    ),
    stamped: [
      ...columns.filter((column) => column.isUpdateDate).map((column) => `${quote(column.databaseName)} = CURRENT_TIMESTAMP`),
      ...columns.filter((column) => column.isVersion).map((column) => `${quote(column.databaseName)} = ${quote(column.databaseName)} + 1`),
    ],
    select: `SELECT ${columns.map((column) => quote(column.databaseName)).join(', ')} FROM ${table}`,
    lock: key === null ? '' : `SELECT ${columns.map((column) => quote(column.databaseName)).join(', ')} FROM ${table} WHERE ${quote(key.databaseName)} = $1 FOR UPDATE`,
    shaped: new Map(),
  };
  statements.set(metadata, built);
  return built;
}

/** The entity's single-column primary key: locking, reading by key and updating go by it. */
function keyOf(metadata: EntityMetadata, built: RowStatements): ColumnMetadata {
  if (built.key === null) throw new Error(`${metadata.name}: locking, reading by key and updating take a single-column primary key`);
  return built.key;
}

/**
 * Reads and locks one row by primary key (`SELECT … FOR UPDATE`) as TypeORM would hydrate it —
 * its own value conversions (dates, JSON, transformers) — without building the query each time:
 * the hot path of every transition and projected event. Null when there is no such row.
 */
export async function lockRow<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, id: unknown): Promise<T | null> {
  const metadata = manager.connection.getMetadata(target);
  const built = statementsOf(metadata);
  keyOf(metadata, built); // refuses an entity with a composite key
  const { rows } = await preparedStatement<Record<string, unknown>>(manager, `lock_${built.name}`, built.lock, [id]);
  return rows[0] === undefined ? null : hydrate<T>(manager, metadata, built, rows[0]);
}

/** Reads one row by primary key, as `lockRow` does but without the lock. */
export async function readRow<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, id: unknown): Promise<T | null> {
  const metadata = manager.connection.getMetadata(target);
  const built = statementsOf(metadata);
  const [row] = await readRows<T>(manager, target, 'by_key', `${quote(keyOf(metadata, built).databaseName)} = $1`, [id]);
  return row ?? null;
}

/**
 * Reads the rows a fixed condition selects, of any flat entity (a composite key too) — `condition` is
 * SQL over the table's column names with $1… for `values`, an ORDER BY if wanted — hydrated as
 * `lockRow` does, as a named statement (`name` tells this condition from the entity's others: one
 * text per name).
 */
export async function readRows<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  name: string,
  condition: string,
  values: unknown[],
): Promise<T[]> {
  const metadata = manager.connection.getMetadata(target);
  const built = statementsOf(metadata);
  const { rows } = await preparedStatement<Record<string, unknown>>(manager, `read_${built.name}_${name}`, `${built.select} WHERE ${condition}`, values);
  return rows.map((raw) => hydrate<T>(manager, metadata, built, raw));
}

function hydrate<T extends ObjectLiteral>(manager: EntityManager, metadata: EntityMetadata, built: RowStatements, raw: Record<string, unknown>): T {
  const entity = metadata.create() as T;
  const driver = manager.connection.driver;
  for (const column of built.columns) column.setEntityValue(entity, driver.prepareHydratedValue(raw[column.databaseName], column));
  return entity;
}

/**
 * Writes back a row read (and locked) earlier in the same transaction: one UPDATE of its columns by
 * primary key, with TypeORM's value conversions. TypeORM's `save` would first SELECT the row again
 * to work out what changed — a second round trip on every transition's hot path. The update date is
 * the database's clock, as TypeORM sets it; a row that is not there is an error, never an insert.
 */
export async function updateRow<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, row: T): Promise<void> {
  const metadata = manager.connection.getMetadata(target);
  const built = statementsOf(metadata);
  const driver = manager.connection.driver;
  const key = keyOf(metadata, built);
  const id: unknown = key.getEntityValue(row);
  if (id === undefined || id === null) throw new Error(`${metadata.name}: a row without its primary key cannot be updated`);
  // Only the columns the row carries a value for, as TypeORM's update did.
  const carried = built.written.filter((column) => column.getEntityValue(row) !== undefined);
  const update = shapedStatement(built, 'update', carried, () => {
    const assignments = [...carried.map((column, index) => `${quote(column.databaseName)} = $${index + 2}`), ...built.stamped];
    if (assignments.length === 0) throw new Error(`${metadata.name}: the row carries nothing to update`);
    return `UPDATE ${built.table} SET ${assignments.join(', ')} WHERE ${quote(key.databaseName)} = $1`;
  });
  const values = carried.map((column) => driver.preparePersistentValue(column.getEntityValue(row), column));
  const { rowCount } = await preparedStatement(manager, update.name, update.text, [id, ...values]);
  if (rowCount !== 1) throw new Error(`${metadata.name}: expected to update one row, updated ${rowCount}`);
}

/**
 * Inserts one row with the columns it carries a value for (the others take their database defaults,
 * as TypeORM's insert leaves them to DEFAULT), with TypeORM's value conversions, as a named statement.
 */
export async function insertRow<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, row: Partial<T>): Promise<void> {
  const metadata = manager.connection.getMetadata(target);
  const built = statementsOf(metadata);
  const driver = manager.connection.driver;
  const carried = built.columns.filter((column) => column.isInsert && column.getEntityValue(row) !== undefined);
  const insert = shapedStatement(
    built,
    'insert',
    carried,
    () =>
      `INSERT INTO ${built.table} (${carried.map((column) => quote(column.databaseName)).join(', ')}) VALUES (${carried.map((_, index) => `$${index + 1}`).join(', ')})`,
  );
  await preparedStatement(manager, insert.name, insert.text, carried.map((column) => driver.preparePersistentValue(column.getEntityValue(row), column)));
}

function shapedStatement(built: RowStatements, kind: 'insert' | 'update', carried: readonly ColumnMetadata[], text: () => string): { name: string; text: string } {
  const signature = `${kind}:${carried.map((column) => column.databaseName).join(',')}`;
  let statement = built.shaped.get(signature);
  if (statement === undefined) {
    statement = { name: `${kind}_${built.name}_${built.shaped.size}`, text: text() };
    built.shaped.set(signature, statement);
  }
  return statement;
}
