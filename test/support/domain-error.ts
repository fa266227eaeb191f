import { DomainError } from '@sanshen/kernel';

/** The DomainError `run` throws (anything else is rethrown; no throw fails the test). */
export function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

/** The code of the DomainError `run` throws, or null when it returns. */
export function codeOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}
