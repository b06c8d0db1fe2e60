import { bandByCode } from './bands';

/**
 * Everything that decides a result list, held in readable URL query
 * parameters (never the hash) so that a pasted link shows a colleague the
 * same results: ?q=人脸&min=1000万&sort=amount-desc.
 */
export interface SearchState {
  q: string;
  year: string;
  department: string;
  /** 'yes' | 'no' | '' */
  withheld: string;
  band: string;
  /** As typed (any notation); parsed with parseAmountBound. */
  min: string;
  max: string;
  sort: SortOrder;
}

const SORT_ORDERS = ['relevance', 'amount-desc', 'amount-asc'] as const;
type SortOrder = (typeof SORT_ORDERS)[number];

const KEYS = ['q', 'year', 'department', 'withheld', 'band', 'min', 'max', 'sort'] as const;

export function readState(params: URLSearchParams): SearchState {
  const get = (key: (typeof KEYS)[number]) => params.get(key)?.trim() ?? '';
  const sort = get('sort');
  const withheld = get('withheld');
  return {
    q: get('q'),
    year: /^\d{4}$/.test(get('year')) ? get('year') : '',
    department: get('department'),
    withheld: withheld === 'yes' || withheld === 'no' ? withheld : '',
    band: bandByCode(get('band')) ? get('band') : '',
    min: get('min'),
    max: get('max'),
    sort: (SORT_ORDERS as readonly string[]).includes(sort) ? (sort as SortOrder) : 'relevance',
  };
}

/** Only the parameters that are set, in a fixed order, so equal states give equal URLs. */
export function writeState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = state[key];
    if (value && !(key === 'sort' && value === 'relevance')) params.set(key, value);
  }
  return params;
}

export function isEmpty(state: SearchState): boolean {
  return writeState(state).toString() === '';
}
