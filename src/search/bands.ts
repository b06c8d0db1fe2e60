import type { Dictionary } from '../i18n/dictionary';

/**
 * Preset amount bands (USAspending-style), lower bound inclusive, upper
 * exclusive, in yuan. The code is the Pagefind filter value and URL parameter.
 */
export interface Band {
  /** Its label is the dictionary's `bands[code]`. */
  code: keyof Dictionary['bands'];
  min: number;
  max: number | null;
}

export const BANDS: readonly Band[] = [
  {
    code: 'under-5m',
    min: 0,
    max: 5_000_000,
  },
  {
    code: '5m-10m',
    min: 5_000_000,
    max: 10_000_000,
  },
  {
    code: '10m-20m',
    min: 10_000_000,
    max: 20_000_000,
  },
  {
    code: '20m-50m',
    min: 20_000_000,
    max: 50_000_000,
  },
  {
    code: '50m-plus',
    min: 50_000_000,
    max: null,
  },
];

export function bandOf(yuan: number): Band {
  const band = BANDS.find((b) => yuan >= b.min && (b.max === null || yuan < b.max));
  if (!band) throw new RangeError(`no band for ${yuan}`);
  return band;
}

export function bandByCode(code: string | null | undefined): Band | undefined {
  return BANDS.find((b) => b.code === code);
}

/** Whether an amount lies in a minimum–maximum range (both inclusive, either open). */
export function inRange(yuan: number, min: number | null, max: number | null): boolean {
  return (min === null || yuan >= min) && (max === null || yuan <= max);
}
