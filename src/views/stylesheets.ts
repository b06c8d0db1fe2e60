import base from '../styles/base.css?url';
import home from '../styles/home.css?url';
import project from '../styles/project.css?url';
import search from '../styles/search.css?url';
import source from '../styles/source.css?url';
import tables from '../styles/tables.css?url';
import withheld from '../styles/withheld.css?url';
import type { Stylesheet } from '../site/page-types';

/**
 * The site's stylesheets, by concern, as Vite emits them (minified, named by
 * a hash of their content). Every page links the base sheet and the sheets
 * its page data names (src/site/page-data.ts): one route renders every kind
 * of page, so Astro's bundler would give each page the CSS of all of them.
 */
export const STYLESHEETS: Record<Stylesheet | 'base', string> = {
  base,
  home,
  project,
  search,
  source,
  tables,
  withheld,
};
