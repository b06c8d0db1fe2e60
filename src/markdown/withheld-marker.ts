import { h } from 'hastscript';
import type { Element } from 'hast';
import type { Locale } from '../domain/locales';
import { t } from '../i18n';
import { WITHHELD_REASONS, type WithheldReasonCode } from '../domain/withheld-reasons';

export interface WithheldMarkerInput {
  reason: WithheldReasonCode;
  /** The name of what is withheld, e.g. 项目可行性. */
  section: string;
  locale: Locale;
  /** Link to the explanation of the reason code. */
  href: string;
  /** Inside a sentence rather than standing for a block. */
  inline?: boolean;
}

/**
 * The one markup for a withheld thing, used by the remark plugin (Markdown
 * bodies) and the WithheldMarker component (frontmatter sections) alike.
 * The section name and the separator come first so that the zh text reads
 * exactly as the source line, e.g. 项目可行性：涉密不宜公开.
 */
export function withheldMarker({
  reason,
  section,
  locale,
  href,
  inline = false,
}: WithheldMarkerInput): Element {
  const label = WITHHELD_REASONS[reason].label[locale];
  // Inside a sentence the surrounding words say what is missing; the section name would read as part of it.
  const name = inline
    ? []
    : [
        h('span', { className: ['withheld-section'] }, section),
        h('span', { className: ['withheld-separator'] }, t(locale).withheldMarker.separator),
      ];
  return h(
    inline ? 'span' : 'div',
    { className: ['withheld'], dataWithheld: reason, role: 'note' },
    [
      ...name,
      h('strong', { className: ['withheld-label'] }, label),
      ' ',
      h('a', { className: ['withheld-why'], href }, t(locale).withheldMarker.why),
    ],
  );
}
