import type { z } from 'astro/zod';
import { formatPath, isWithheld } from './withheld';

export interface FieldIssue {
  /** Field path as an editor reads it, e.g. funding.amountYuan or basis[0].title. */
  path: string;
  message: string;
}

/**
 * Flattens zod issues into field + message pairs. A withheld-or-content union
 * is opened up: the branch the editor evidently meant supplies the real path.
 */
export function fieldIssues(issues: readonly z.core.$ZodIssue[], input: unknown, prefix: PropertyKey[] = []): FieldIssue[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length === 2) {
      const value = path.reduce<unknown>((v, key) => (v as Record<PropertyKey, unknown> | undefined)?.[key], input);
      const branch = issue.errors[isWithheld(value) ? 0 : 1] ?? [];
      return fieldIssues(branch, input, path);
    }
    return [{ path: formatPath(path) || '(file)', message: issue.message }];
  });
}
