import { isWithheld } from '../schema/withheld';
import { sectionsOf, type StateSection } from './revisions';
import type { Project, ProjectState, PublicationModel } from './types';

/**
 * Which earlier versions of a text the site may still offer. A part that a
 * later version withholds is, by the bureau's own decision, not public: an
 * earlier version's text or original that discloses it is not published any
 * more (it stays in content/sources/ for the record), and the source page and
 * the data say since which version it is withheld. Read from the Chinese
 * files of each version, as the revisions are (src/model/revisions.ts).
 */

/** A project's parts in one version, by id; basis items by their place, as `basis#<n>`. */
function partsOf(state: ProjectState): Map<string, StateSection> {
  const parts = new Map(sectionsOf(state).map((s) => [s.id, s]));
  const { basis } = state.data;
  if (!isWithheld(basis))
    basis.forEach((item, i) =>
      parts.set(`basis#${i}`, {
        id: `basis#${i}`,
        title: '',
        text: item.withheld ? '' : item.published,
        withheld: item.withheld ?? null,
      }),
    );
  return parts;
}

const discloses = (part: StateSection | undefined) =>
  part !== undefined && part.withheld === null && part.text.trim() !== '';

/**
 * For a project, each earlier version that discloses a part the current
 * version withholds, with the version since which the part is withheld (the
 * first of the run of versions, up to the current one, that withhold it).
 * `states[i]` is the project in version i + 1 (null where it was not in that
 * version); the last is the current one.
 */
export function findProjectWithheldSince(states: (ProjectState | null)[]): Map<number, number> {
  const parts = states.map((state) => (state ? partsOf(state) : null));
  const current = parts.length;
  const since = new Map<number, number>();
  for (const [id, part] of parts.at(-1) ?? []) {
    if (part.withheld === null) continue;
    let from = current;
    while (from > 1 && parts[from - 2]?.get(id)?.withheld != null) from -= 1;
    for (let version = 1; version < from; version += 1)
      if (discloses(parts[version - 1]?.get(id)))
        since.set(version, Math.min(since.get(version) ?? from, from));
  }
  return since;
}

/** The project in each version, oldest first: null where a version did not have it. */
function statesOf(project: Project, versions: number): (ProjectState | null)[] {
  const states: (ProjectState | null)[] = Array.from({ length: versions }, () => null);
  for (const { version, state } of project.history) states[version - 1] = state;
  states[versions - 1] = {
    data: project.original,
    outline: { sections: project.bodySections.zh, markers: [] },
  };
  return states;
}

/** For each earlier version of the publication that may no longer be offered, the version since which it withholds what that one disclosed. */
export function findWithheldSince(publication: PublicationModel): Map<number, number> {
  const since = new Map<number, number>();
  for (const project of publication.projects)
    for (const [version, from] of findProjectWithheldSince(
      statesOf(project, publication.versions.length),
    ))
      since.set(version, Math.min(since.get(version) ?? from, from));
  return since;
}

/** The files under sources/ the site publishes for a publication: every version's, but those withheld since a later one. */
export function listOfferedSourceFiles(publication: PublicationModel): string[] {
  return publication.versions.flatMap(({ source, withheldSince }) =>
    withheldSince === null ? [source.file, ...(source.original ? [source.original.file] : [])] : [],
  );
}
