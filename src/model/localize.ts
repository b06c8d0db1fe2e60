import { composeOrganisation, composePlace, romanise } from '../i18n/english/names';
import { translateTitle } from '../i18n/english/title';
import { PROCUREMENT_METHODS, translateFundSource } from '../domain/funding-terms';
import { formatAmountText } from '../domain/amount';
import { formatIsoDate } from '../domain/dates';
import { FRONTMATTER, passageId } from '../domain/sections';
import { t } from '../i18n';
import type { Locale } from '../domain/locales';
import type { Project, PublicationModel } from './types';
import type { BasisItem, ImplementingUnit } from '../schema/project';
import { isWithheld, type Withheld } from '../schema/withheld';

/**
 * The text of a publication or project in one language. Figures are not here:
 * they come from the original's data whatever the language.
 */
export interface PublicationText {
  department: string;
  /** Null where the publication does not record it. */
  region: string | null;
  title: string;
  /** The paragraphs before the first project, where the text has them. */
  preface: string[] | null;
  /** The language the preface is in: Chinese on an English page until it is translated. */
  prefaceLang: Locale;
  /** The closing signature: the issuer (where named) and the date, as printed or translated. */
  signature: { issuer: string | null; date: string; isoDate: string } | null;
  /** The language the text is in: Chinese on an English page while the translation is pending. */
  lang: Locale;
}

/**
 * A publication's English: the person's (`en` in publication.yaml), else what the rules compose
 * from the Chinese; null where neither gives one. The data files say null; pages show the
 * Chinese with its pinyin.
 */
export function composePublicationEnglish(data: PublicationModel['data']): PublicationEnglish {
  // Once per publication: every project record and every page of it asks.
  let english = composed.get(data);
  if (!english) {
    english = {
      department: data.en?.department ?? composeOrganisation(data.department),
      region: data.en?.region ?? (data.region ? composePlace(data.region) : null),
      title: data.en?.title ?? translateTitle(data.title, data.department),
    };
    composed.set(data, english);
  }
  return english;
}

interface PublicationEnglish {
  department: string | null;
  region: string | null;
  title: string | null;
}
const composed = new WeakMap<PublicationModel['data'], PublicationEnglish>();

export function publicationText(publication: PublicationModel, locale: Locale): PublicationText {
  const { data } = publication;
  const signature = (issuer: string | undefined, date: string) =>
    data.signature
      ? { issuer: issuer ?? null, date, isoDate: formatIsoDate(data.signature.date) }
      : null;
  // The model check requires the English preface and issuer wherever the English block exists.
  if (locale === 'en' && data.en) {
    return {
      department: data.en.department,
      region: data.en.region ?? data.region ?? null,
      title: data.en.title,
      preface: data.en.preface ?? data.preface ?? null,
      prefaceLang: data.en.preface ? 'en' : 'zh',
      signature: signature(
        data.en.signatureIssuer,
        data.signature
          ? (t('en').period(data.signature.published) ?? formatIsoDate(data.signature.date))
          : '',
      ),
      lang: 'en',
    };
  }
  // On an English page while no English is given: the English the rules compose (src/i18n/english/),
  // else the Chinese name with its pinyin, so that an English reader can say and find it (never a guess).
  const { department, region, title } =
    locale === 'en'
      ? composePublicationEnglish(data)
      : { department: null, region: null, title: null };
  return {
    department:
      department ??
      (locale === 'en' ? `${data.department} (${romanise(data.department)})` : data.department),
    region: region ?? data.region ?? null,
    title: title ?? data.title,
    preface: data.preface ?? null,
    prefaceLang: 'zh',
    signature: signature(data.signature?.issuer, data.signature?.published ?? ''),
    lang: 'zh',
  };
}

export interface ProjectText {
  name: string;
  basis:
    | (Pick<BasisItem, 'published' | 'issuer' | 'title' | 'withheld'> & {
        number?: string | undefined;
      })[]
    | Withheld;
  implementingUnit: ImplementingUnit | Withheld;
  fundingSource: string | null;
  /** How the work is bought, where the text says: the method, in English by the reviewed list. */
  procurementMethod: string | null;
  /** The sources of several with their amounts; each source in English where the reviewed list has it, else as printed. */
  fundingBreakdown:
    { source: string; sourceLang: Locale; published: string; amountYuan: number }[] | null;
  /** The language the name is in: Chinese on an English page while it has no English. */
  lang: Locale;
  /** On an English page, the anchors of passages shown in Chinese for want of English (`name-p1`). */
  untranslated: ReadonlySet<string>;
}

export function projectText(project: Project, locale: Locale): ProjectText {
  const { original, translation } = project;
  const source = locale === 'en' && translation ? translation : original;
  const untranslated = new Set(
    locale === 'en'
      ? project.english.passages.filter((p) => p.by === 'none').map((p) => p.anchor)
      : [],
  );
  // Document numbers stay in Chinese in every language; only the words around them are translated.
  const numbers = isWithheld(original.basis) ? [] : original.basis.map((item) => item.number);
  const basis = isWithheld(source.basis)
    ? source.basis
    : source.basis.map((item, i) => ({ ...item, number: numbers[i] }));
  return {
    name: source.name,
    basis,
    implementingUnit: source.implementingUnit,
    fundingSource: isWithheld(source.funding) ? null : (source.funding.source ?? null),
    procurementMethod: original.procurementMethod
      ? locale === 'zh'
        ? original.procurementMethod
        : PROCUREMENT_METHODS[original.procurementMethod]
      : null,
    fundingBreakdown:
      isWithheld(original.funding) || !original.funding.breakdown
        ? null
        : original.funding.breakdown.map((part) => {
            const en = locale === 'zh' ? null : translateFundSource(part.source);
            return {
              source: en ?? part.source,
              sourceLang: en === null ? 'zh' : 'en',
              published: part.published,
              amountYuan: part.amountYuan,
            };
          }),
    lang: source === original || untranslated.has(passageId(FRONTMATTER.name.id, 1)) ? 'zh' : 'en',
    untranslated,
  };
}

/** A project in one line, for the page description and feed entries: department · year · amount · withheld count. */
export function describeProject(project: Project, locale: Locale): string {
  const d = t(locale);
  const { publication } = project;
  return [
    publicationText(publication, locale).department,
    d.fiscalYear(publication.data.fiscalYear),
    project.amountYuan === null ? d.project.withheld : formatAmountText(project.amountYuan, locale),
    d.withheldOf(project.sectionsWithheld, project.sectionsCounted),
  ].join(' · ');
}
