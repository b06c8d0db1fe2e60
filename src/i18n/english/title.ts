import { composeOrganisation } from './names';

/**
 * The publication's title in English, one pattern everywhere:
 * 瑞丽市司法局2021年预算重点领域财政项目文本公开 → Disclosure of the Key-Area
 * Fiscal Project Texts of the 2021 Budget of the Ruili City Justice Bureau.
 * 公开 is the disclosure, and is translated where the title prints it; 部门
 * (departmental) likewise. Null where the title or the department does not
 * follow the rules.
 */
const TITLE = /^(.+?)(部门)?(\d{4})年度?(部门)?预算重点领域财政项目(?:文本)?(公开)?$/u;

export function translateTitle(title: string, department: string): string | null {
  const m = TITLE.exec(title.normalize('NFKC').replace(/\s+/g, ''));
  if (!m || m[1] !== department.normalize('NFKC').trim()) return null;
  const body = composeOrganisation(m[1]);
  if (!body) return null;
  const budget = `${m[3]!} ${m[2] || m[4] ? 'Departmental Budget' : 'Budget'}`;
  const texts = `Key-Area Fiscal Project Texts of the ${budget} of the ${body}`;
  return m[5] ? `Disclosure of the ${texts}` : texts;
}
