/**
 * Which project of a corrected text is which project of the publication
 * (npm run import -- --revise), so that each keeps its address and history.
 * By name: the same name first; then, for what is left, a close match (a
 * similar name, or a different name with most facts the same), printed for a
 * person to review; never by position. Where a project could be either of
 * two, nothing is guessed: the import stops and names both, and `--match
 * <old-slug>=<new name>` settles it. A project the new text does not have is
 * withdrawn (its address stays, with a page that says so); one the old text
 * did not have is new.
 */

/** A project as one text has it: what it is matched by. */
export interface MatchedProject {
  name: string;
  /** The facts it states, by label (amount, estimate, period, implementing unit, basis); a missing one is left out. */
  facts: Record<string, string>;
}

export interface KnownProject extends MatchedProject {
  slug: string;
}

export interface ProjectMatch {
  /** For each project of the new text, in order, the slug of the known project it is; null for one that is new. */
  slugs: (string | null)[];
  /** Known projects the new text does not have, in their order. */
  withdrawn: KnownProject[];
  /** Matches that were not by the same name, for a person to review. */
  review: string[];
}

/** Why the projects could not be matched: said with the projects and the option that settles it. */
export class MatchError extends Error {
  override name = 'MatchError';
}

/** Character pairs of a name, spaces and punctuation left out. */
function pairsOf(name: string): string[] {
  // By code point: a Chinese name's characters are one each.
  const chars = Array.from(name.replace(/[\s\p{P}]/gu, ''));
  return chars.length < 2 ? chars : chars.slice(1).map((c, i) => `${chars[i]!}${c}`);
}

/** How alike two names are, 0 to 1 (Dice's coefficient over character pairs). */
export function compareNames(a: string, b: string): number {
  const left = pairsOf(a);
  const right = pairsOf(b);
  if (left.length + right.length === 0) return 1;
  const pool = new Map<string, number>();
  for (const pair of left) pool.set(pair, (pool.get(pair) ?? 0) + 1);
  let shared = 0;
  for (const pair of right) {
    const n = pool.get(pair) ?? 0;
    if (n > 0) {
      shared += 1;
      pool.set(pair, n - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

/** A name this alike (the words all the publication's names share left out) is the same project renamed, for a person to confirm. */
const CLOSE_NAME = 0.6;
/** How much better than the next one a close match must be (name likeness plus share of facts the same) to be taken. */
const CLEAR_LEAD = 0.5;

/** The facts two projects both state, and how many of them are the same. */
function compareFacts(a: MatchedProject, b: MatchedProject): { same: string[]; compared: number } {
  const labels = Object.keys(a.facts).filter((label) => label in b.facts);
  return {
    same: labels.filter((label) => a.facts[label] === b.facts[label]),
    compared: labels.length,
  };
}

/** What the names of a publication's projects all begin with (the department, often): not what tells them apart. */
function findSharedStart(names: string[]): string {
  if (names.length < 2) return '';
  let start = names[0]!;
  for (const name of names) while (!name.startsWith(start)) start = start.slice(0, -1);
  return names.every((name) => name.length > start.length) ? start : '';
}

interface Closeness {
  known: KnownProject;
  /** Name likeness plus the share of facts the same, 0 to 2. */
  score: number;
  why: string;
}

/** How close a known project is to a new one, or null where it is not a candidate at all. */
function measureCloseness(
  known: KnownProject,
  next: MatchedProject,
  shared: string,
): Closeness | null {
  const strip = (name: string) => (name.startsWith(shared) ? name.slice(shared.length) : name);
  const similarity = compareNames(strip(known.name), strip(next.name));
  const { same, compared } = compareFacts(known, next);
  const facts = `${same.length} of ${compared} facts the same${same.length > 0 ? ` (${same.join(', ')})` : ''}`;
  if (similarity < CLOSE_NAME && !(compared >= 2 && same.length * 2 > compared)) return null;
  return {
    known,
    score: similarity + (compared > 0 ? same.length / compared : 0),
    why: `a name ${Math.round(similarity * 100)}% alike and ${facts}`,
  };
}

const quote = (name: string) => `“${name}”`;

/**
 * Matches the projects of a new text to the known ones. `explicit` is what
 * --match says: old slug → new name. Throws a MatchError for a --match that
 * names no such project, or where a project could be either of two.
 */
export function matchProjects(
  known: KnownProject[],
  next: MatchedProject[],
  explicit: Map<string, string> = new Map(),
): ProjectMatch {
  const slugs: (string | null)[] = next.map(() => null);
  const review: string[] = [];
  const taken = new Set<string>();
  const bySlug = new Map(known.map((project) => [project.slug, project]));

  for (const [slug, name] of explicit) {
    const project = bySlug.get(slug);
    if (!project)
      throw new MatchError(
        `--match ${slug}=${name}: the publication has no project ${slug}; its projects are ${known.map((p) => p.slug).join(', ')}`,
      );
    const at = next.findIndex((p) => p.name === name);
    if (at === -1)
      throw new MatchError(
        `--match ${slug}=${name}: the new text has no project named ${quote(name)}; its projects are ${next.map((p) => quote(p.name)).join(', ')}`,
      );
    if (slugs[at] !== null)
      throw new MatchError(`--match: ${quote(name)} is given to both ${slugs[at]!} and ${slug}`);
    slugs[at] = slug;
    taken.add(slug);
    if (project.name !== name)
      review.push(`${slug}: ${quote(project.name)} is now ${quote(name)} (as --match says)`);
  }

  // The same name, each known project once.
  next.forEach((project, i) => {
    if (slugs[i] !== null) return;
    const same = known.find((k) => !taken.has(k.slug) && k.name === project.name);
    if (!same) return;
    slugs[i] = same.slug;
    taken.add(same.slug);
  });

  // Close matches among what is left: a pair is taken only where each is clearly the other's
  // closest; anything else that could be either of two is for a person to settle.
  const open = known.filter((k) => !taken.has(k.slug));
  const shared = findSharedStart([...known, ...next].map((p) => p.name));
  const candidates = next.map((project, i) =>
    slugs[i] !== null
      ? []
      : open
          .flatMap((k) => measureCloseness(k, project, shared) ?? [])
          .sort((a, b) => b.score - a.score),
  );
  const leads = (list: { score: number }[]) =>
    list.length < 2 || list[0]!.score - list[1]!.score >= CLEAR_LEAD;
  next.forEach((project, i) => {
    const options = candidates[i]!;
    const best = options[0];
    if (!best) return;
    const rivals = next
      .map((other, j) => ({ other, closeness: candidates[j]!.find((c) => c.known === best.known) }))
      .filter((r) => r.closeness !== undefined)
      .sort((a, b) => b.closeness!.score - a.closeness!.score);
    const clear =
      leads(options) && rivals[0]!.other === project && leads(rivals.map((r) => r.closeness!));
    if (!clear) {
      const other =
        options.length > 1 && !leads(options)
          ? `${best.known.slug} (${quote(best.known.name)}) or ${options[1]!.known.slug} (${quote(options[1]!.known.name)})`
          : `${best.known.slug} (${quote(best.known.name)}), as could ${rivals
              .filter((r) => r.other !== project)
              .map((r) => quote(r.other.name))
              .join(', ')}`;
      throw new MatchError(
        `cannot tell which project ${quote(project.name)} of the new text is: it could be ${other}. ` +
          `Say which with --match <old-slug>=<new name>, e.g. --match ${best.known.slug}=${project.name}`,
      );
    }
    slugs[i] = best.known.slug;
    taken.add(best.known.slug);
    review.push(
      `${best.known.slug}: ${quote(best.known.name)} is taken to be ${quote(project.name)}, by ${best.why}; if it is not, import again with --match`,
    );
  });

  const withdrawn = known.filter((k) => !taken.has(k.slug));
  for (const project of withdrawn)
    review.push(
      `${project.slug}: ${quote(project.name)} is not in the new text: withdrawn, its page says so`,
    );
  next.forEach((project, i) => {
    if (slugs[i] === null && withdrawn.length > 0)
      review.push(
        `${quote(project.name)} is new; if it is a withdrawn project renamed, import again with --match ${withdrawn[0]!.slug}=${project.name}`,
      );
  });
  return { slugs, withdrawn, review };
}
