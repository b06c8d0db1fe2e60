import { FRONTMATTER, type FrontmatterPart, type FrontmatterPartId } from '../domain/sections';
import type { WithheldReasonCode } from '../domain/withheld-reasons';
import { t } from '../i18n';
import type { ProjectZh } from '../schema/project';
import type { ProjectTranslation } from '../schema/translation';
import { isWithheld } from '../schema/withheld';

/**
 * The sections a disclosure writes in its frontmatter (name, basis,
 * implementing unit), read as the page shows them: for the model, its checks,
 * search and the data files alike.
 */

/** A frontmatter section's title, in the page's language. */
export const frontmatterTitle = (part: FrontmatterPart, locale: 'zh' | 'en') =>
  t(locale).sections[part.field];

export function frontmatterWithheld(
  data: ProjectZh | ProjectTranslation,
  id: FrontmatterPartId,
): WithheldReasonCode | null {
  if (id === FRONTMATTER.basis.id && isWithheld(data.basis)) return data.basis.withheld;
  if (id === FRONTMATTER.implementingUnit.id && isWithheld(data.implementingUnit))
    return data.implementingUnit.withheld;
  return null;
}

/**
 * The paragraphs of a frontmatter section as the page shows them (the
 * implementing unit with its labels): for the number cross-check, search and
 * the data files alike.
 */
export function frontmatterParagraphs(
  data: ProjectZh | ProjectTranslation,
  id: FrontmatterPartId,
  locale: 'zh' | 'en',
): string[] {
  if (id === FRONTMATTER.name.id) return [data.name];
  if (id === FRONTMATTER.basis.id)
    // A withheld item is its marker, not a paragraph of text.
    return isWithheld(data.basis)
      ? []
      : data.basis.filter((item) => item.withheld === undefined).map((item) => item.published);
  const unit = data.implementingUnit;
  if (isWithheld(unit)) return [];
  const d = t(locale);
  return [
    ...(unit.supervisor ? [`${d.project.supervisor}${d.colon}${unit.supervisor}`] : []),
    unit.unitLabel ? `${unit.unitLabel}${d.colon}${unit.unit}` : unit.unit,
  ];
}
