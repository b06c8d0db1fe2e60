import { parse } from 'yaml';
import { generateContent, type GenerateOptions } from './synthetic';

/**
 * A publication as a finance bureau publishes it, in the eight-part template
 * (the importer's input), from the seeded generator: the original text the
 * generator writes for it. Seeded and deterministic, and fictitious like the
 * rest ("合成市").
 */
export interface TemplateText {
  /** The whole text, title line first, one line per paragraph. */
  text: string;
  department: string;
  year: number;
  /** The projects' names, in order. */
  names: string[];
}

/** One publication of `count` projects, as its text. */
export function generateTemplate(
  options: Omit<GenerateOptions, 'perPublication' | 'years'>,
): TemplateText {
  const files = generateContent({ ...options, perPublication: options.count, years: 1 });
  const entry = (pattern: RegExp) => [...files.entries()].find(([path]) => pattern.test(path))!;
  const publication = parse(entry(/publication\.yaml$/)[1]) as {
    department: string;
    fiscalYear: number;
    source: { file: string };
  };
  const names = [...files.entries()]
    .filter(([path]) => /\/zh\/p\d+\.md$/.test(path))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, text]) => /^name: (.*)$/m.exec(text)![1]!);
  return {
    text: files.get(`sources/${publication.source.file}`)!,
    department: publication.department,
    year: publication.fiscalYear,
    names,
  };
}
