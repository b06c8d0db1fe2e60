import type { z } from 'astro/zod';
import { formatPath, isWithheld } from './withheld';

export interface FieldIssue {
  /** Field path as an editor reads it, e.g. funding.amountYuan or basis[0].title. */
  path: string;
  message: string;
}

const valueAt = (input: unknown, path: readonly PropertyKey[]) =>
  path.reduce<unknown>(
    (v, key) =>
      v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined,
    input,
  );

/** Levenshtein distance, for "did you mean" on a mistyped field name. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/**
 * Flattens zod issues into field + message pairs in plain words. A
 * withheld-or-content union is opened up: the branch the editor evidently
 * meant supplies the real path. A missing field says "is required"; an
 * unknown field is named at its own path, with the likely intended name when
 * a required field next to it is missing (a typo).
 */
export function fieldIssues(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  prefix: PropertyKey[] = [],
): FieldIssue[] {
  const missing = issues.filter(
    (issue) =>
      (issue.code === 'invalid_type' || issue.code === 'invalid_union') &&
      valueAt(input, [...prefix, ...issue.path]) === undefined,
  );
  return issues.flatMap((issue): FieldIssue[] => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length === 2) {
      const value = valueAt(input, path);
      if (value === undefined) return [{ path: formatPath(path), message: 'is required' }];
      const branch = issue.errors[isWithheld(value) ? 0 : 1] ?? [];
      return fieldIssues(branch, input, path);
    }
    if (issue.code === 'unrecognized_keys') {
      // A withheld marker with extra keys is not a typo: src/schema/withheld.ts words that case itself.
      if (isWithheld(valueAt(input, path)))
        return [{ path: formatPath(path), message: issue.message }];
      return issue.keys.map((key) => {
        const siblings = missing.filter(
          (m) =>
            m.path.length === issue.path.length + 1 && issue.path.every((p, i) => m.path[i] === p),
        );
        const guess = siblings
          .map((m) => String(m.path.at(-1)))
          .find((name) => distance(name, key) <= 2);
        return {
          path: formatPath([...path, key]),
          message: `unknown field "${key}"${guess ? `; did you mean "${guess}"?` : '; check its spelling, or remove it'}`,
        };
      });
    }
    if (issue.code === 'invalid_type' && valueAt(input, path) === undefined)
      return [{ path: formatPath(path) || '(file)', message: 'is required' }];
    return [{ path: formatPath(path) || '(file)', message: issue.message }];
  });
}
