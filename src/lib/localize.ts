import type { Locale } from '../i18n/locales';
import type { Project, PublicationModel } from '../model/types';
import type { BasisItem, ImplementingUnit } from '../schema/project';
import { isWithheld, type Withheld } from '../schema/withheld';

/**
 * The text of a publication or project in one language. Figures are not here:
 * they come from the original's data whatever the language.
 */
export function publicationText(publication: PublicationModel, locale: Locale) {
  const { data } = publication;
  return locale === 'zh' ? { department: data.department, region: data.region, title: data.title } : data.en;
}

export interface ProjectText {
  name: string;
  basis: (Pick<BasisItem, 'published' | 'issuer' | 'title'> & { number?: string | undefined })[] | Withheld;
  implementingUnit: ImplementingUnit | Withheld;
  fundingSource: string | null;
}

export function projectText(project: Project, locale: Locale): ProjectText {
  const { original, translation } = project;
  const source = locale === 'zh' ? original : translation;
  // Document numbers stay in Chinese in every language; only the words around them are translated.
  const numbers = isWithheld(original.basis) ? [] : original.basis.map((item) => item.number);
  const basis = isWithheld(source.basis) ? source.basis : source.basis.map((item, i) => ({ ...item, number: numbers[i] }));
  return {
    name: source.name,
    basis,
    implementingUnit: source.implementingUnit,
    fundingSource: isWithheld(source.funding) ? null : source.funding.source,
  };
}
