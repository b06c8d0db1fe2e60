import type { Dictionary } from './dictionary';
import type { Locale } from '../domain/locales';
import { en } from './en';
import { zh } from './zh';

const DICTIONARIES: Record<Locale, Dictionary> = { zh, en };

export function t(locale: Locale): Dictionary {
  return DICTIONARIES[locale];
}
