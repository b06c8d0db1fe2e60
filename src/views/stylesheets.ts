import changes from '../styles/bundles/changes.css?url';
import data from '../styles/bundles/data.css?url';
import home from '../styles/bundles/home.css?url';
import plain from '../styles/bundles/plain.css?url';
import printSheet from '../styles/print.css?url';
import project from '../styles/bundles/project.css?url';
import projectRevisions from '../styles/bundles/project-revisions.css?url';
import projectWithheld from '../styles/bundles/project-withheld.css?url';
import projectWithheldRevisions from '../styles/bundles/project-withheld-revisions.css?url';
import search from '../styles/bundles/search.css?url';
import source from '../styles/bundles/source.css?url';
import tables from '../styles/bundles/tables.css?url';
import withheld from '../styles/bundles/withheld.css?url';
import type { Stylesheet } from '../site/page-types';

/**
 * The site's stylesheets. The CSS is written by concern (src/styles/: type,
 * layout, print, tables, withheld, project, revisions…); each kind of page
 * links one bundle of the concerns it uses (src/styles/bundles/), as Vite
 * emits it (minified, named by a hash of its content). One file compresses
 * better than its parts apart, and a project page with nothing withheld and no
 * revision carries neither's rules: the page data names its bundle
 * (src/site/page-data.ts). One route renders every kind of page, so Astro's
 * bundler would otherwise give each page the CSS of all of them. The print
 * rules are their own sheet, linked for print media only: a screen does not
 * wait for them.
 */
export const PRINT_STYLESHEET = printSheet;

export const STYLESHEETS: Record<Stylesheet, string> = {
  changes,
  data,
  home,
  plain,
  project,
  'project-revisions': projectRevisions,
  'project-withheld': projectWithheld,
  'project-withheld-revisions': projectWithheldRevisions,
  search,
  source,
  tables,
  withheld,
};
