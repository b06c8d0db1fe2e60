import { formatAmountText } from '../domain/amount';
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
  /** The language the text is in: Chinese on an English page while the translation is pending. */
  lang: Locale;
}

export function publicationText(publication: PublicationModel, locale: Locale): PublicationText {
  const { data } = publication;
  if (locale === 'en' && data.en) {
    return {
      department: data.en.department,
      region: data.en.region ?? data.region ?? null,
      title: data.en.title,
      lang: 'en',
    };
  }
  return {
    department: data.department,
    region: data.region ?? null,
    title: data.title,
    lang: 'zh',
  };
}

export interface ProjectText {
  name: string;
  basis:
    | (Pick<BasisItem, 'published' | 'issuer' | 'title'> & { number?: string | undefined })[]
    | Withheld;
  implementingUnit: ImplementingUnit | Withheld;
  fundingSource: string | null;
  /** The language the text is in: Chinese on an English page while the translation is pending. */
  lang: Locale;
}

export function projectText(project: Project, locale: Locale): ProjectText {
  const { original, translation } = project;
  const source = locale === 'en' && translation ? translation : original;
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
    lang: source === original ? 'zh' : 'en',
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
