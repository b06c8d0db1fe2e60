/**
 * What a text may say about money besides its amounts, each a closed,
 * reviewed list with its English: how the work is bought (a procurement
 * method) and what the money is (a source of funds). They are different
 * facts: 本项目采用公开招标方式实施 says how a contractor is chosen, never where
 * the money comes from, and nothing that is not a source of funds is shown
 * under 资金来源.
 */

/** 采购方式: how the work or goods are bought (《政府采购法》 art. 26, and the framework agreements of 2022). */
export const PROCUREMENT_METHODS = {
  公开招标: 'open tendering',
  邀请招标: 'selective tendering',
  竞争性谈判: 'competitive negotiation',
  竞争性磋商: 'competitive consultation',
  单一来源采购: 'single-source procurement',
  询价: 'request for quotations',
  框架协议: 'framework agreement',
  政府采购: 'government procurement',
} as const;

export type ProcurementMethod = keyof typeof PROCUREMENT_METHODS;
export const PROCUREMENT_METHOD_NAMES = Object.keys(PROCUREMENT_METHODS) as [
  ProcurementMethod,
  ...ProcurementMethod[],
];

/** The procurement method a phrase names (采用公开招标方式确定施工单位 → 公开招标), or null. */
export function findProcurementMethod(phrase: string): ProcurementMethod | null {
  // Longest first: 政府采购 is also said of the more specific methods.
  const names = [...PROCUREMENT_METHOD_NAMES].sort((a, b) => b.length - a.length);
  return names.find((name) => phrase.includes(name)) ?? null;
}

/**
 * 资金来源: the kinds of money a project's budget is, as bureaus name them,
 * with their English. A source a text names in other words is kept in its
 * words when it reads as money (…经费, …资金, …预算, …基金, …债券, …收入,
 * …补助, …拨款), and has no English until a translator gives one.
 */
const FUND_SOURCES = {
  一般公共预算: 'general public budget',
  一般公共预算资金: 'general public budget funds',
  财政预算安排经费: 'funds appropriated in the budget',
  财政预算非税安排经费: 'funds appropriated from non-tax budget revenue',
  财政预算非税收入: 'non-tax budget revenue',
  政府性基金: 'government-managed funds',
  政府性基金预算: 'government-managed fund budget',
  中央补助资金: 'central government subsidy',
  省级补助资金: 'provincial subsidy',
  州级补助资金: 'prefecture subsidy',
  市级补助资金: 'city subsidy',
  州级配套资金: 'prefecture matching funds',
  市级配套资金: 'city matching funds',
  县级配套资金: 'county matching funds',
  自筹资金: 'self-raised funds',
  专项债券: 'special-purpose bonds',
  地方政府专项债券: 'local government special-purpose bonds',
  上级补助资金: 'subsidy from higher levels of government',
} as const satisfies Record<string, string>;

/** Words a source of funds ends with: what makes a phrase money rather than a method. */
const MONEY = /(?:经费|资金|预算|基金|债券|收入|补助|拨款)$/u;

/** Whether a phrase names money (省级补助资金, 财政预算非税安排经费) and no procurement method. */
export function isFundSource(phrase: string): boolean {
  return MONEY.test(phrase) && findProcurementMethod(phrase) === null;
}

/** A source of funds' English from the reviewed list, or null. */
export function translateFundSource(source: string): string | null {
  return (FUND_SOURCES as Record<string, string>)[source] ?? null;
}
