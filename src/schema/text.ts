import { z } from 'astro/zod';

/** A non-empty line of text; a blank value is an error, never a way to say "withheld". */
export const TextSchema = z
  .string({
    error: (issue) =>
      issue.input === undefined ? 'is required' : `must be text, found ${typeof issue.input}`,
  })
  .trim()
  .min(1, { error: 'must not be empty (to withhold a section, use `withheld: <reason>`)' });

/** A URL-safe identifier taken from the content, never from a title. */
export const SlugSchema = z
  .string({
    error: 'is required: lower-case ASCII words joined by hyphens, e.g. face-recognition-system',
  })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'must be lower-case ASCII words joined by hyphens, e.g. face-recognition-system',
  });

/** A fiscal year as a four-digit number. */
export const FiscalYearSchema = z
  .int({ error: 'must be a four-digit year such as 2020' })
  .min(1949, { error: 'must be a four-digit year such as 2020' })
  .max(2100, { error: 'must be a four-digit year such as 2020' });
