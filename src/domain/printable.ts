/**
 * The one check every string the site prints passes, wherever it comes from:
 * content files as written and after YAML decoding (`"\u0007"` is a control
 * character too), Markdown text after character references are decoded,
 * site.yaml and the environment variables.
 *
 * Refused: control characters (they make the feeds invalid XML),
 * bidirectional overrides (they make text read other than it is written) and
 * zero-width characters (invisible differences between two names). Chinese
 * and English need none of them.
 */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- control characters are what this finds
  /[\u0000-\u0008\v\f\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;

function describeCharacter(char: string): string {
  const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  if (/[\u202a-\u202e\u2066-\u2069]/u.test(char)) return `a bidirectional override (${code})`;
  if (/[\u200b-\u200f\u2060-\u2064\ufeff]/u.test(char))
    return `an invisible zero-width character (${code})`;
  return `a control character (${code})`;
}

/** What is wrong with a text the site would print, or null. Line breaks and tabs are allowed. */
export function findUnprintable(text: string): string | null {
  const found = text.match(FORBIDDEN);
  if (!found) return null;
  return `contains ${describeCharacter(found[0])}${found.length > 1 ? ` and ${found.length - 1} more` : ''}; delete it (it is invisible or breaks the feeds)`;
}

/** Every string in a decoded value (YAML, JSON) that is too long or not printable, by its path (`basis[0].title`). */
export function findUnprintableValues(
  value: unknown,
  maxLength: number,
  path = '',
): { path: string; message: string }[] {
  if (typeof value === 'string') {
    const problem =
      findUnprintable(value) ??
      (value.length > maxLength
        ? `is ${value.length} characters long, more than the ${maxLength} a value may have`
        : null);
    return problem ? [{ path: path || '(file)', message: problem }] : [];
  }
  if (Array.isArray(value))
    return value.flatMap((item, i) => findUnprintableValues(item, maxLength, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => [
      ...(findUnprintable(key)
        ? [{ path: path ? `${path}.${key}` : key, message: `its name ${findUnprintable(key)!}` }]
        : []),
      ...findUnprintableValues(item, maxLength, path ? `${path}.${key}` : key),
    ]);
  }
  return [];
}
