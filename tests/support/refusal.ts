import { expect } from 'vitest';
import { ImportFailure } from '../../src/importer/run';

/** An import's failure message: the test fails if the import succeeds or fails in another way. */
export async function readRefusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFailure);
    return (error as Error).message;
  }
  throw new Error('the import was expected to be refused');
}
