import { Injectable } from '@nestjs/common';
import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { DomainError } from '@sanshen/kernel';

/** The largest value of a PostgreSQL `integer` (versions, counts): nothing larger reaches a query. */
export const PG_INT_MAX = 2_147_483_647;

/** A positive integer path parameter (a version number): digits only, within PostgreSQL's range, else 400. */
@Injectable()
export class PositiveIntParamPipe implements PipeTransform<unknown, number> {
  transform(value: unknown, metadata: ArgumentMetadata): number {
    // A string as the path gave it, or a number when the global validation pipe converted it already.
    const parsed = typeof value === 'number' ? value : typeof value === 'string' && /^[0-9]{1,10}$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isInteger(parsed) || parsed < 1 || parsed > PG_INT_MAX) {
      throw new DomainError('REQUEST.INVALID', { field: metadata.data, expected: `1…${PG_INT_MAX}` });
    }
    return parsed;
  }
}
