import type { ValueTransformer } from 'typeorm';

/** PostgreSQL bigint comes back as a string; ledger positions stay far below 2^53. */
export const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
