import { z } from 'astro/zod';
import { LIMITS } from '../domain/limits';

/** A non-empty line of text; a blank value is an error, never a way to say "withheld". */
export const TextSchema = z
  .string({
    error: (issue) =>
      issue.input === undefined ? 'is required' : `must be text, found ${typeof issue.input}`,
  })
  .trim()
  .min(1, { error: 'must not be empty (to withhold a section, use `withheld: <reason>`)' });

/**
 * A name the site prints in headings, footers and feeds (a department, a title, a project,
 * the operator): text of at most LIMITS.maxNameLength characters. Every string is also checked
 * for characters no printed text may hold, as read (src/domain/printable.ts).
 */
export const NameSchema = TextSchema.max(LIMITS.maxNameLength, {
  error: `is longer than the ${LIMITS.maxNameLength} characters a name may have`,
});

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

/**
 * A date written YYYY-MM-DD that exists on the calendar: 2026-02-30 is an
 * error, never quietly 2 March. Read as midnight UTC.
 */
export const CalendarDateSchema = z
  .string({ error: 'must be a date such as 2026-11-24' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date such as 2026-11-24', abort: true })
  .refine(
    (text) =>
      !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) &&
      new Date(`${text}T00:00:00Z`).toISOString().startsWith(text),
    {
      error: (issue) => `${String(issue.input)} is not a date on the calendar`,
    },
  )
  .transform((text) => new Date(`${text}T00:00:00Z`));

/** An http(s) address on the web. */
export const WebAddressSchema = z.url({
  protocol: /^https?$/,
  error: 'must be an http:// or https:// address',
});

/** A way to reach someone: a web page, or a mailto: address. */
export const ContactAddressSchema = z.url({
  protocol: /^(https?|mailto)$/,
  error: 'must be an http://, https:// or mailto: address',
});
