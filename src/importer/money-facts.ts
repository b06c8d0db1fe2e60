import {
  findProcurementMethod,
  isFundSource,
  type ProcurementMethod,
} from '../domain/funding-terms';
import { ImportError, type Line } from './headings';
import { checkRestatement, findAmount, parseAmount } from './published-amount';

/**
 * The facts a project's text states about its money, each from a statement
 * that says it, with the line it came from: the amount, where the money comes
 * from (资金来源：…, 其中：…, 采用…经费的方式), and how the work is bought
 * (采用公开招标方式…), which is never a source of funds. A phrase that is
 * neither is recorded as nothing, and said.
 */
export interface MoneyFacts {
  source: { text: string; line: Line } | null;
  procurement: { method: ProcurementMethod; line: Line } | null;
  breakdown: {
    items: { source: string; published: string; amountYuan: number }[];
    line: Line;
  } | null;
  /** Lines worth a person's eye: a phrase read as neither, a breakdown that could not be read. */
  notices: { line: number; message: string }[];
}

/** The words a statement gives, without the full stop or semicolon that ends it. */
const clause = (text: string) => text.trim().replace(/[。；;，,]+$/u, '');

/** `其中：省级补助资金200万元，县级配套资金150万元` → its items, or null where one is not `<source><amount>`. */
function readBreakdown(
  text: string,
): { source: string; published: string; amountYuan: number }[] | null {
  const items = clause(text)
    .split(/[，,；;、]/u)
    .map((item) => item.trim())
    .filter(Boolean);
  const read = items.map((item) => {
    const published = findAmount(item);
    if (!published || !item.endsWith(published)) return null;
    const source = item
      .slice(0, item.length - published.length)
      .replace(/[为是:：]$/u, '')
      .trim();
    const amountYuan = parseAmount(published);
    return source && amountYuan !== null
      ? { source, published: published.replace(/\s/g, ''), amountYuan }
      : null;
  });
  return read.length >= 2 && read.every((item) => item !== null) ? read : null;
}

/** Reads the money facts of a project from its lines, in order; `total` is this year's amount, which a breakdown must add up to. */
export function readMoneyFacts(lines: Line[], fundingLines: Line[], total: number): MoneyFacts {
  const facts: MoneyFacts = { source: null, procurement: null, breakdown: null, notices: [] };
  for (const line of lines) {
    const labelled = /资金来源[:：]\s*(\S.*)$/u.exec(line.text);
    if (labelled && facts.source === null) {
      const named = clause(labelled[1]!);
      if (named.split(/[、，,和及]/u).every((part) => isFundSource(part.trim())))
        facts.source = { text: named, line };
      else
        facts.notices.push({
          line: line.line,
          message: `资金来源 “${named}” is not a source of funds the importer reads (…资金, …经费, …预算, …基金, …债券); none recorded`,
        });
    }
    const bought = /采购方式[:：]\s*(\S.*)$/u.exec(line.text);
    const method = bought ? findProcurementMethod(bought[1]!) : null;
    if (method && facts.procurement === null) facts.procurement = { method, line };
    // 采用财政预算非税安排经费的方式实施 names the money; 采用公开招标方式确定施工单位 the way it is spent.
    for (const match of line.text.matchAll(/采用(.+?)的?方式/gu)) {
      const phrase = match[1]!.trim();
      const procurement = findProcurementMethod(phrase);
      if (procurement) {
        facts.procurement ??= { method: procurement, line };
      } else if (isFundSource(phrase)) {
        facts.source ??= { text: phrase, line };
      } else
        facts.notices.push({
          line: line.line,
          message: `“采用${phrase}方式” names neither a source of funds nor a procurement method the importer knows; nothing recorded from it`,
        });
    }
  }
  for (const line of fundingLines) {
    const parts = /其中[:：]\s*(\S.*)$/u.exec(line.text);
    if (!parts) continue;
    const items = readBreakdown(parts[1]!);
    if (!items) {
      facts.notices.push({
        line: line.line,
        message: `“其中：${clause(parts[1]!)}” could not be read as sources with their amounts; no breakdown recorded`,
      });
      continue;
    }
    // 其中：设备购置200万元，土建150万元 says what the money buys, not where it comes from.
    if (!items.every((item) => isFundSource(item.source))) {
      facts.notices.push({
        line: line.line,
        message: `“其中：${clause(parts[1]!)}” does not name sources of funds (…资金, …经费, …预算); no breakdown of sources recorded`,
      });
      continue;
    }
    const sum = items.reduce((a, item) => a + item.amountYuan, 0);
    if (sum !== total)
      throw new ImportError(
        line.line,
        `the sources under 其中 add up to ${sum} yuan (${items.map((i) => i.published).join(' + ')}), but this year's amount is ${total} yuan; ask the publisher which is right`,
      );
    for (const item of items) checkRestatement(line.text, item.published, line.line);
    facts.breakdown = { items, line };
    // Where the text names no source of its own, the breakdown's are the sources.
    facts.source ??= { text: items.map((item) => item.source).join('、'), line };
  }
  return facts;
}
