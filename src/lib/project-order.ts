import type { Project } from '../model/types';
import type { ProjectOrder } from './routes';

/** Projects in one of the pre-rendered orders; withheld amounts sort last either way. */
export function orderProjects(projects: readonly Project[], order: ProjectOrder): Project[] {
  if (order === 'published') return [...projects];
  const sign = order === 'amount-asc' ? 1 : -1;
  return [...projects].sort((a, b) => {
    if (a.amountYuan === null || b.amountYuan === null) return (a.amountYuan === null ? 1 : 0) - (b.amountYuan === null ? 1 : 0);
    return sign * (a.amountYuan - b.amountYuan) || a.key.localeCompare(b.key);
  });
}
