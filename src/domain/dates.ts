/** A date as the site writes it on pages and in the data files: YYYY-MM-DD, in UTC. */
export function formatIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
