import { z } from 'astro/zod';
import { WITHHELD_REASON_CODES } from '../domain/withheld-reasons';

/** A reason code from the registry in src/domain/withheld-reasons.ts. */
export const WithheldReasonSchema = z.enum(WITHHELD_REASON_CODES, {
  error: (issue) =>
    `unknown withheld reason ${JSON.stringify(issue.input)}; known reasons: ${WITHHELD_REASON_CODES.join(', ')}`,
});

/**
 * A section the publisher withheld: a state of its own with a reason, never an
 * empty string. Strict, so a withheld section that also carries text fails.
 */
const WithheldSchema = z.strictObject(
  {
    /** Why the section is withheld, as a registry code such as `classified`. */
    withheld: WithheldReasonSchema,
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `a withheld section must hold nothing but its reason; remove ${issue.keys.join(', ')}`
        : undefined,
  },
);

export type Withheld = z.infer<typeof WithheldSchema>;

export function isWithheld(value: unknown): value is Withheld {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && 'withheld' in value
  );
}

/** `a.0.b` → `a[0].b`, the way an editor reads a YAML path. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${String(part)}`))
    .join('');
}

/**
 * Either the section's content or a withheld marker. A plain union would
 * report a bare "Invalid input"; this one reports the problems of the branch
 * the editor evidently meant (withheld if the key is there), with their paths.
 */
export function orWithheld<T extends z.ZodType>(schema: T) {
  return z.union([WithheldSchema, schema], {
    error: (issue) => {
      // Typed as invalid_union only; any other issue keeps zod's own message.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
      if (issue.code !== 'invalid_union') return undefined;
      const branch = issue.errors[isWithheld(issue.input) ? 0 : 1] ?? [];
      return branch
        .map((inner) => (inner.path.length ? `${formatPath(inner.path)}: ` : '') + inner.message)
        .join('; ');
    },
  });
}
