import { diffArrays } from 'diff';
import { FRONTMATTER_PARTS } from '../domain/sections';
import type { WithheldReasonCode } from '../domain/withheld-reasons';
import type { ProjectZh } from '../schema/project';
import { isWithheld } from '../schema/withheld';
import { frontmatterParagraphs, frontmatterTitle, frontmatterWithheld } from './frontmatter';
import type {
  DiffPart,
  FigureField,
  ProjectState,
  Revision,
  SectionChange,
  SectionChangeKind,
} from './types';

/**
 * What changed in a project from one version of the text to the next, read
 * from the Chinese files of each version (the current ones, and the ones
 * `npm run import -- --revise` keeps under versions/<n>/zh/): which sections
 * changed and how, word by word, and which figures. Deterministic: jsdiff over
 * tokens that keep a number whole (612.8万元 is 612.8, 万, 元) and a Chinese
 * character, which is a word or part of one, by itself.
 *
 * What the current version withholds is never reprinted: a section withheld
 * now shows in no revision with its earlier text, only with what happened to
 * it, and a withheld amount's earlier figures are not listed.
 */
export interface StateSection {
  id: string;
  title: string;
  text: string;
  withheld: WithheldReasonCode | null;
}

/** The sections of a project as one version has it, in page order: title, text and whether withheld. */
export function sectionsOf(state: ProjectState): StateSection[] {
  return [
    ...FRONTMATTER_PARTS.map((part) => ({
      id: part.id,
      title: frontmatterTitle(part, 'zh'),
      text: frontmatterParagraphs(state.data, part.id, 'zh').join('\n'),
      withheld: frontmatterWithheld(state.data, part.id),
    })),
    ...state.outline.sections.map((s) => ({
      id: s.id,
      title: s.title,
      text: s.blocks.slice(1).join('\n'),
      withheld: s.withheld,
    })),
  ];
}

/** A number with its decimals and separators, a run of Latin letters, a run of space, or one other character. */
const TOKEN = /[0-9０-９][0-9０-９.,，．]*[%％]?|[A-Za-z]+|\s+|\S/gu;

/** The words of two texts, old struck and new inserted, neighbours of a kind merged. */
export function diffWords(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const change of diffArrays(before.match(TOKEN) ?? [], after.match(TOKEN) ?? [])) {
    const kind = change.added ? 'ins' : change.removed ? 'del' : 'same';
    const text = change.value.join('');
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  }
  return parts;
}

/** The figures a revision lists, each with the section that prints it. */
const FIGURES: { field: FigureField; section: string; read: (data: ProjectZh) => string | null }[] =
  [
    {
      field: 'funding',
      section: 'funding',
      read: (d) => (isWithheld(d.funding) ? null : d.funding.published),
    },
    { field: 'estimate', section: 'estimate', read: (d) => d.plan.estimate?.published ?? null },
    { field: 'period', section: 'period', read: (d) => d.plan.period.published },
  ];

/**
 * The revisions of a project, newest first: for each version after the first
 * in which it changed, what changed. `states[i]` is the project in version
 * i + 1 (null where it was not in that version); the last is the current one.
 */
export function computeRevisions(
  states: (ProjectState | null)[],
  versions: {
    version: number;
    date: string | null;
    revisedOn: string | null;
    note: string | null;
    noteEn: string | null;
  }[],
): Revision[] {
  const current = states.at(-1);
  if (!current) return [];
  const now = new Map(sectionsOf(current).map((s) => [s.id, s]));
  // Whatever the current version withholds shows in no revision with its text.
  const hidden = (id: string) => now.get(id)?.withheld != null;
  const fundingHidden = isWithheld(current.data.funding);
  const revisions: Revision[] = [];
  for (let i = 1; i < states.length; i += 1) {
    const after = states[i];
    if (!after) continue;
    const { version, date, revisedOn, note, noteEn } = versions[i]!;
    const before = states[i - 1];
    if (!before) {
      revisions.push({
        version,
        date,
        revisedOn,
        note,
        noteEn,
        added: true,
        sections: [],
        figures: [],
      });
      continue;
    }
    const old = new Map(sectionsOf(before).map((s) => [s.id, s]));
    const sections: SectionChange[] = [];
    for (const section of sectionsOf(after)) {
      const was = old.get(section.id);
      const change = (kind: SectionChangeKind, diff: DiffPart[] | null) =>
        sections.push({
          id: section.id,
          title: section.title,
          kind,
          diff: hidden(section.id) ? null : diff,
        });
      if (!was) change('added', section.withheld ? null : diffWords('', section.text));
      else if (section.withheld && !was.withheld) change('withheld', null);
      else if (!section.withheld && was.withheld) change('disclosed', diffWords('', section.text));
      else if (!section.withheld && was.text !== section.text)
        change('changed', diffWords(was.text, section.text));
    }
    const ids = new Set(sectionsOf(after).map((s) => s.id));
    for (const was of old.values())
      if (!ids.has(was.id))
        sections.push({ id: was.id, title: was.title, kind: 'removed', diff: null });
    const figures = FIGURES.flatMap(({ field, section, read }) => {
      const [from, to] = [read(before.data), read(after.data)];
      if (from === to) return [];
      const withheldNow = hidden(section) || (field === 'funding' && fundingHidden);
      return [withheldNow ? { field, from: null, to: null } : { field, from, to }];
    });
    if (sections.length > 0 || figures.length > 0)
      revisions.push({ version, date, revisedOn, note, noteEn, added: false, sections, figures });
  }
  return revisions.reverse();
}
