import type { Model, Project, PublicationModel, WithdrawnProject } from '../model/types';
import type { Revision } from '../model/types';

/**
 * Every revision of a published text, newest first: one entry per version
 * after the first of each publication, with the projects that changed in it.
 * The /changes/ pages and the /changes.xml feeds list the same entries.
 */
export interface ChangeEntry {
  /** Stable within the site: `<publication slug>-v<version>`, the entry's anchor and feed id. */
  key: string;
  publication: PublicationModel;
  version: number;
  date: string | null;
  /** The bureau's date of this version, where recorded. */
  revisedOn: string | null;
  note: string | null;
  noteEn: string | null;
  projects: { project: Project; revision: Revision }[];
  /** Projects this version no longer has. */
  withdrawn: WithdrawnProject[];
}

export function listChanges(model: Model): ChangeEntry[] {
  const entries = model.publications.flatMap((publication) =>
    publication.versions.slice(1).map((version) => ({
      key: `${publication.data.slug}-v${version.version}`,
      publication,
      version: version.version,
      date: version.date,
      revisedOn: version.revisedOn,
      note: version.note,
      noteEn: version.noteEn,
      projects: publication.projects.flatMap((project) => {
        const revision = project.revisions.find((r) => r.version === version.version);
        return revision ? [{ project, revision }] : [];
      }),
      withdrawn: publication.withdrawn.filter((p) => p.withdrawnIn === version.version),
    })),
  );
  return entries.sort(
    (a, b) =>
      (b.date ?? '').localeCompare(a.date ?? '') ||
      b.version - a.version ||
      a.key.localeCompare(b.key),
  );
}
