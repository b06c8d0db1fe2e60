import { pinyin } from 'pinyin-pro';
import { ORGANISATION_TERMS, PLACE_LEVELS } from './terms';

/**
 * Names of places and organisations in English, composed by rule from the
 * reviewed lists (./terms.ts): 瑞丽市 → Ruili City, 瑞丽市公安局 → Ruili City
 * Public Security Bureau. A name is composed only when exactly one reading of
 * it is made wholly of a place (a name in pinyin and its level) and a listed
 * term; otherwise there is no English (null), never a guess.
 */

type Level = keyof typeof PLACE_LEVELS;
type Term = keyof typeof ORGANISATION_TERMS;
const LEVELS = Object.keys(PLACE_LEVELS) as Level[];
const HAN = /^\p{Script=Han}+$/u;

/** 瑞丽 → Ruili, 西安 → Xi’an: toneless pinyin, one word, apostrophe where a syllable would run into the next. */
function spellPinyin(name: string): string {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', v: true });
  const word = syllables
    .map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `’${s}` : s))
    .join('')
    .replaceAll('v', 'ü');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Each way a text reads as a run of places (德宏州瑞丽市 → Dehong Prefecture, Ruili City), outermost first. */
function readPlaces(text: string): string[][] {
  if (text === '') return [[]];
  const readings: string[][] = [];
  for (let length = 2; length <= 4 && length < text.length; length++) {
    const name = text.slice(0, length);
    if (!HAN.test(name)) break;
    for (const level of LEVELS) {
      if (!text.startsWith(level, length)) continue;
      const place = `${spellPinyin(name)} ${PLACE_LEVELS[level]}`;
      for (const rest of readPlaces(text.slice(length + level.length)))
        readings.push([place, ...rest]);
    }
  }
  return readings;
}

/** 云南省德宏州瑞丽市 → Ruili City, Dehong Prefecture, Yunnan Province; null unless it reads one way. */
export function composePlace(text: string): string | null {
  const readings = new Set(
    readPlaces(text)
      .filter((places) => places.length > 0)
      .map((places) => [...places].reverse().join(', ')),
  );
  return readings.size === 1 ? [...readings][0]! : null;
}

/** 瑞丽市公安局 → Ruili City Public Security Bureau; 公安局 alone → Public Security Bureau; null where the rules cannot compose it. */
export function composeOrganisation(name: string): string | null {
  const text = name.normalize('NFKC').trim();
  const readings = new Set<string>();
  for (const term of Object.keys(ORGANISATION_TERMS) as Term[]) {
    if (!text.endsWith(term)) continue;
    const before = text.slice(0, text.length - term.length);
    const english = ORGANISATION_TERMS[term];
    for (const places of readPlaces(before)) {
      // One place at most: "Dehong Prefecture Ruili City Public Security Bureau" is no English name.
      if (places.length > 1) continue;
      const place = places[0];
      if (english.includes('{place}')) {
        if (place !== undefined) readings.add(english.replace('{place}', place));
      } else {
        readings.add(place === undefined ? english : `${place} ${english}`);
      }
    }
  }
  return readings.size === 1 ? [...readings][0]! : null;
}

/** A name for an English page: the composed English, else the Chinese with its pinyin (瑞丽市某某中心 (Ruìlìshì …)). */
export function romanise(name: string): string {
  return pinyin(name, { type: 'array', nonZh: 'consecutive' })
    .map((syllable) => syllable.charAt(0).toUpperCase() + syllable.slice(1))
    .join(' ');
}
