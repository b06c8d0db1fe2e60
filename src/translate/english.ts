import type { Content, BodyEntry } from '../content/read';
import { counterpartOf, publicationIdOf, publicationIdOfFile } from '../content/paths';
import { passageId, FRONTMATTER } from '../domain/sections';
import { pageUrl, paths } from '../domain/urls';
import { translateFundSource } from '../domain/funding-terms';
import { composeOrganisation } from '../i18n/english/names';
import { translateByRule, translateUnitLabel } from '../i18n/english/sentences';
import type { EnglishProvenance, PassageOrigin } from '../model/types';
import type { ProjectZh } from '../schema/project';
import type { ProjectTranslation, ProjectTranslationFile } from '../schema/translation';
import { isWithheld } from '../schema/withheld';
import { deriveEnglishBody, listPassages, type FindEnglish } from './derive';
import { TranslationMemory } from './memory';
import type { RenderCache } from '../markdown/render';

/**
 * Every project's English, complete, before the bodies are rendered: a
 * translator's file with the texts it leaves out given by rule or by the
 * translation memory, or (while no translator has worked on it) the site's own
 * English of the whole project. What no rule and no memory can give stays
 * Chinese, marked. Each text records where its English came from.
 */
export type EnglishBodyEntry = BodyEntry<ProjectTranslation> & EnglishProvenance;

type Found = { en: string; origin: PassageOrigin };

/** Learns every passage a translator put into English (current translations only), with its address. */
function buildMemory(content: Content, base: string, cache?: RenderCache): TranslationMemory {
  const memory = new TranslationMemory();
  const publications = new Map(
    content.publications.map((p) => [publicationIdOfFile(p.id), p.data]),
  );
  const originals = new Map(content.disclosures.map((d) => [d.id, d]));
  // Newest publications first, so that the memory offers the latest translator's wording.
  const translations = [...content.translations].sort((a, b) => b.id.localeCompare(a.id));
  for (const translation of translations) {
    const original = originals.get(counterpartOf(translation.id, 'zh'));
    const publication = publications.get(publicationIdOf(translation.id));
    if (!original || !publication || translation.data.translationOf !== undefined) continue;
    const page = pageUrl(base, 'en', paths.project(publication, original.data.slug));
    const learn = (zh: string | undefined, en: string | undefined, anchor: string) => {
      if (zh && en && zh !== en) memory.add(zh, en, `${page}#${anchor}`);
    };
    const zh = original.data;
    const en = translation.data;
    learn(zh.name, en.name, passageId(FRONTMATTER.name.id, 1));
    const enBasis = en.basis;
    if (!isWithheld(zh.basis) && !isWithheld(enBasis))
      zh.basis.forEach((item, i) =>
        learn(item.published, enBasis[i]?.published, passageId(FRONTMATTER.basis.id, i + 1)),
      );
    const pairs = () => {
      const zhPassages = new Map(
        listPassages(original.body).map((p) => [`${p.section}-${p.n}`, p]),
      );
      return listPassages(translation.body).flatMap((passage) => {
        const source = zhPassages.get(`${passage.section}-${passage.n}`);
        return source && passage.origin === 'translator'
          ? [{ zh: source.text, en: passage.text, anchor: passageId(passage.section, passage.n) }]
          : [];
      });
    };
    const read = cache
      ? cache.memo('memory-pairs', [original.body, translation.body], pairs)
      : pairs();
    for (const { zh, en, anchor } of read) learn(zh, en, anchor);
  }
  return memory;
}

/** The rules first (exact by construction), then the memory. */
function finderOf(memory: TranslationMemory): FindEnglish {
  return (zh) => {
    const rule = translateByRule(zh);
    if (rule) return { en: rule, by: 'rule', from: null };
    const remembered = memory.find(zh);
    return remembered ? { en: remembered.en, by: 'memory', from: remembered.from } : null;
  };
}

const TRANSLATOR: PassageOrigin = { by: 'translator', from: null };
const NONE: PassageOrigin = { by: 'none', from: null };

/** A name: the translator's, else composed by rule, else the memory's, else the Chinese. */
function englishOfName(zh: string, given: string | undefined, memory: TranslationMemory): Found {
  if (given !== undefined) return { en: given, origin: TRANSLATOR };
  const composed = composeOrganisation(zh);
  if (composed) return { en: composed, origin: { by: 'rule', from: null } };
  const remembered = memory.find(zh);
  if (remembered) return { en: remembered.en, origin: { by: 'memory', from: remembered.from } };
  return { en: zh, origin: NONE };
}

/** A passage: the translator's, else by rule or memory, else the Chinese. */
function englishOfPassage(zh: string, given: string | undefined, find: FindEnglish): Found {
  if (given !== undefined) return { en: given, origin: TRANSLATOR };
  const found = find(zh);
  return found
    ? { en: found.en, origin: { by: found.by, from: found.from } }
    : { en: zh, origin: NONE };
}

/** The frontmatter in English, each text from the translator, the rules, the memory or (marked) the Chinese. */
function completeFrontmatter(
  zh: ProjectZh,
  file: ProjectTranslationFile | null,
  memory: TranslationMemory,
  find: FindEnglish,
): { data: ProjectTranslation; origins: Record<string, PassageOrigin> } {
  const origins: Record<string, PassageOrigin> = {};
  const name = englishOfPassage(zh.name, file?.name, find);
  origins[passageId(FRONTMATTER.name.id, 1)] = name.origin;

  let basis: ProjectTranslation['basis'] = isWithheld(zh.basis)
    ? zh.basis
    : zh.basis.map((item, i) => {
        const given = file && !isWithheld(file.basis) ? file.basis[i] : undefined;
        // A withheld item has no text in either language; the page shows its marker.
        if (item.withheld) return { published: '', withheld: item.withheld };
        const published = englishOfPassage(item.published, given?.published, find);
        origins[passageId(FRONTMATTER.basis.id, i + 1)] = published.origin;
        const issuer = given?.issuer ?? (item.issuer ? composeOrganisation(item.issuer) : null);
        return {
          published: published.en,
          ...(issuer ? { issuer } : {}),
          ...(given?.title ? { title: given.title } : {}),
        };
      });

  let implementingUnit: ProjectTranslation['implementingUnit'];
  if (isWithheld(zh.implementingUnit)) implementingUnit = zh.implementingUnit;
  else {
    const given = file && !isWithheld(file.implementingUnit) ? file.implementingUnit : undefined;
    const unit = englishOfName(zh.implementingUnit.unit, given?.unit, memory);
    const supervisor = zh.implementingUnit.supervisor
      ? englishOfName(zh.implementingUnit.supervisor, given?.supervisor, memory)
      : null;
    if (supervisor) origins[passageId(FRONTMATTER.implementingUnit.id, 1)] = supervisor.origin;
    origins[passageId(FRONTMATTER.implementingUnit.id, supervisor ? 2 : 1)] = unit.origin;
    const label = zh.implementingUnit.unitLabel;
    const unitLabel = given?.unitLabel ?? (label ? translateUnitLabel(label) : null);
    implementingUnit = {
      unit: unit.en,
      ...(supervisor ? { supervisor: supervisor.en } : {}),
      ...(unitLabel ? { unitLabel } : {}),
    };
  }

  let funding: ProjectTranslation['funding'];
  if (isWithheld(zh.funding)) funding = zh.funding;
  else {
    const given = file && !isWithheld(file.funding) ? file.funding.source : undefined;
    const source = given ?? (zh.funding.source ? translateFundSource(zh.funding.source) : null);
    funding = source ? { source } : {};
  }

  // A translator's file that withholds what the original discloses (or the reverse) is kept as
  // written, for the model to refuse: its English is never completed into agreement.
  if (file) {
    if (isWithheld(file.basis) !== isWithheld(zh.basis))
      basis = file.basis as ProjectTranslation['basis'];
    if (isWithheld(file.implementingUnit) !== isWithheld(zh.implementingUnit))
      implementingUnit = file.implementingUnit as ProjectTranslation['implementingUnit'];
    if (isWithheld(file.funding) !== isWithheld(zh.funding)) funding = file.funding;
  }
  return {
    data: {
      name: name.en,
      basis,
      implementingUnit,
      funding,
      ...(file?.translationOf !== undefined ? { translationOf: file.translationOf } : {}),
    },
    origins,
  };
}

/**
 * Each original's English: its translator's file completed, or the site's own
 * (`derived`) where there is none and the original is marked `translation: pending`.
 */
export function completeTranslations(
  content: Content,
  base: string,
  /** Where the readings of bodies are kept between builds (each costs a parse). */
  cache?: RenderCache,
): EnglishBodyEntry[] {
  const memory = buildMemory(content, base, cache);
  const find = finderOf(memory);
  const fingerprint = cache ? memory.fingerprint() : '';
  const derive = (body: string, mode: 'original' | 'gaps') =>
    cache && (mode === 'original' || body.includes(':untranslated['))
      ? cache.memo('english-body', [mode, fingerprint, body], () =>
          deriveEnglishBody(body, find, mode),
        )
      : deriveEnglishBody(body, find, mode);
  const files = new Map(content.translations.map((t) => [t.id, t]));
  const originals = new Set(content.disclosures.map((d) => d.id));
  const entries: EnglishBodyEntry[] = [];
  for (const original of content.disclosures) {
    const id = counterpartOf(original.id, 'en');
    const file = files.get(id);
    if (!file && original.data.translation !== 'pending') continue;
    const { data, origins } = completeFrontmatter(original.data, file?.data ?? null, memory, find);
    entries.push(
      file
        ? {
            ...file,
            data,
            body: derive(file.body, 'gaps'),
            derived: false,
            frontmatterOrigins: origins,
          }
        : {
            id,
            filePath: counterpartOf(original.filePath, 'en'),
            data,
            body: derive(original.body, 'original'),
            bodyStartLine: original.bodyStartLine,
            derived: true,
            frontmatterOrigins: origins,
          },
    );
  }
  // A translation without its original is the model's to report; it is passed on as written.
  for (const file of content.translations)
    if (!originals.has(counterpartOf(file.id, 'zh')))
      entries.push({ ...file, data: asWritten(file.data), derived: false, frontmatterOrigins: {} });
  return entries;
}

/** A file's data as written, its left-out texts empty: for a file the model refuses anyway. */
function asWritten(file: ProjectTranslationFile): ProjectTranslation {
  return {
    ...file,
    name: file.name ?? '',
    basis: isWithheld(file.basis)
      ? file.basis
      : file.basis.map((item) => ({ ...item, published: item.published ?? '' })),
    implementingUnit: isWithheld(file.implementingUnit)
      ? file.implementingUnit
      : { ...file.implementingUnit, unit: file.implementingUnit.unit ?? '' },
  };
}
