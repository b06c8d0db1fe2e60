import { z } from 'astro/zod';
import { ContactAddressSchema, NameSchema, WebAddressSchema } from './text';

const BilingualNameSchema = z.strictObject({ zh: NameSchema, en: NameSchema });

/**
 * site.yaml: who runs the site, how to reach them, where to report an error
 * (纠错) and the licence of the data. The footer and the About page show it;
 * until it exists the site says plainly that the operator is not configured.
 */
export const SiteSchema = z.strictObject({
  /** The body that runs this site, e.g. 瑞丽市财政局 / Ruili City Finance Bureau. */
  operator: BilingualNameSchema,
  /** A contact address: mailto: or a web page. */
  contact: ContactAddressSchema,
  /** Where a reader reports an error in the site (纠错): a web page. */
  errorReport: WebAddressSchema,
  /** The licence of the data files. */
  licence: z.strictObject({ name: BilingualNameSchema, url: WebAddressSchema }),
});

export type Operator = z.infer<typeof SiteSchema>;
