import type { CheerioAPI } from 'cheerio';
import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import { decodeText, EncodingError } from './text';
import { readChineseDate } from '../domain/dates';

/**
 * A disclosure as a government website serves it, saved from the browser
 * (.html, .htm): decoded in the charset the page declares (often GB2312),
 * its article found and the website's own furniture left out: navigation and
 * 当前位置, the 发布时间/浏览次数 line, 分享到, 打印本页, related articles, the
 * footer with 网站标识码 and ICP. The page's own date (发布时间, or its
 * PubDate) and the address it was saved from are kept as provenance; neither
 * is ever guessed.
 */
export class HtmlError extends Error {
  override name = 'HtmlError';
}

export interface SavedPage {
  /** The article's paragraphs: its title first. */
  paragraphs: string[];
  /** The charset the page was decoded in, as the WHATWG names it (gbk, utf-8…). */
  encoding: string;
  /** YYYY-MM-DD, where the page gives its date. */
  publishedOn: string | null;
  /** The address the browser saved it from (`<!-- saved from url=… -->`), where it says. */
  url: string | null;
  /** Lines inside the article that were the website's own, left out. */
  leftOut: string[];
}

/** The charset a page declares in its first bytes: `<meta charset>` or `http-equiv` Content-Type. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return /<meta[^>]+charset\s*=\s*(?:["']\s*)?([\w-]+)/i.exec(head)?.[1]?.toLowerCase() ?? null;
}

function decodePage(bytes: Uint8Array): { text: string; encoding: string } {
  const declared = declaredCharset(bytes);
  let label: string | null;
  try {
    label = declared ? new TextDecoder(declared).encoding : null;
  } catch {
    label = null; // An unknown label: read the bytes for what they are.
  }
  if (label && label !== 'utf-8') {
    try {
      return { text: new TextDecoder(label, { fatal: true }).decode(bytes), encoding: label };
    } catch {
      // A page labelled gb2312 or gbk often holds GB18030 characters: the superset reads them.
      if (label === 'gbk') {
        try {
          const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
          return { text, encoding: 'gb18030' };
        } catch {
          /* fall through to the message */
        }
      }
      throw new HtmlError(
        `says it is ${declared!} but is not; save the page again from the browser`,
      );
    }
  }
  try {
    const decoded = decodeText(bytes);
    return { text: decoded.text, encoding: decoded.encoding };
  } catch (error) {
    if (error instanceof EncodingError) throw new HtmlError(error.message);
    throw error;
  }
}

/** Lines that are the website's, wherever they stand. */
const CHROME = [
  /^当前位置/u,
  /^您(?:现在)?的位置/u,
  /(?:发布时间|发布日期|浏览次数|访问次数|阅读次数|点击数|来源)[:：]/u,
  /^分享到/u,
  /打印本页|关闭窗口|【\s*打印\s*】|【\s*关闭\s*】/u,
  /^相关(?:文章|链接|阅读|信息)/u,
  /网站标识码|ICP备|公网安备|版权所有|主办单位|承办单位|技术支持/u,
  /^(?:字号|字体)[:：]?\s*[大中小]|^【\s*[大中小]\s*】/u,
];
const isChrome = (line: string) => line.length <= 120 && CHROME.some((re) => re.test(line));

const BLOCKS = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'tr',
  'table',
  'section',
  'article',
  'blockquote',
  'pre',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'center',
  'td',
  'th',
]);
const FURNITURE =
  'script, style, noscript, iframe, form, nav, header, footer, aside, select, button, input, textarea, object, embed, svg, canvas';

/** The text of an element, a line per block and per `<br>`. */
function linesOf(node: AnyNode): string[] {
  const out: string[] = [''];
  const walk = (n: AnyNode) => {
    if (isText(n)) out[out.length - 1] = (out.at(-1) ?? '') + n.data;
    else if (isTag(n)) {
      if (n.name === 'br') out.push('');
      const block = BLOCKS.has(n.name);
      if (block) out.push('');
      for (const child of n.children) walk(child);
      if (block) out.push('');
    }
  };
  walk(node);
  return out.map((line) => line.replace(/\s+/gu, ' ').trim()).filter((line) => line !== '');
}

/** The element holding the article: the one whose own paragraphs hold the most text. */
function findArticle($: CheerioAPI): Element | null {
  const scores = new Map<Element, number>();
  $('p, div, td, li').each((_, element) => {
    const el = element;
    // A block that holds other blocks is a container, not a paragraph.
    if ($(el).children('p, div, table, ul, ol').length > 0) return;
    const length = $(el).text().replace(/\s+/g, '').length;
    const parent = el.parent;
    if (parent && isTag(parent)) scores.set(parent, (scores.get(parent) ?? 0) + length);
  });
  return [...scores].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** The date a page gives for itself: its 发布时间 line, else its PubDate meta; null otherwise. */
function readPublishedOn($: CheerioAPI, text: string): string | null {
  const shown =
    /(?:发布时间|发布日期|发文日期)[:：]\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/u.exec(
      text,
    );
  const meta = $('meta[name="PubDate" i], meta[name="pubdate" i], meta[name="publishdate" i]').attr(
    'content',
  );
  const fromMeta = meta ? /(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/u.exec(meta) : null;
  const date = shown ?? fromMeta;
  return date ? readChineseDate(`${date[1]!}年${date[2]!}月${date[3]!}日`) : null;
}

/**
 * Reads a saved page. cheerio is loaded here, on the first page read, not with the importer: it
 * is a third of a second of every `npm run import`'s start, and most texts are not web pages.
 */
export async function readSavedPage(bytes: Uint8Array): Promise<SavedPage> {
  const { text, encoding } = decodePage(bytes);
  const { load } = await import('cheerio');
  const $ = load(text);
  const url =
    /<!--\s*saved from url=\(\d+\)\s*(https?:\/\/[^\s>]+)\s*-->/i.exec(text.slice(0, 2048))?.[1] ??
    null;
  const publishedOn = readPublishedOn($, $('body').text());
  $(FURNITURE).remove();
  const article = findArticle($);
  if (!article) throw new HtmlError('has no article text; save the page that shows the disclosure');
  const leftOut: string[] = [];
  const lines = linesOf(article).filter((line) => {
    if (!isChrome(line)) return true;
    leftOut.push(line);
    return false;
  });
  // The title stands above the article, in its heading (or the window title, up to the site's name).
  const order = new Map(
    $('*')
      .toArray()
      .map((el, i) => [el, i]),
  );
  const articleAt = order.get(article) ?? 0;
  const headings = $('h1, h2, h3, .title, [class*="title"], [id*="title"]')
    .toArray()
    .filter((el) => (order.get(el) ?? Infinity) < articleAt && !$(el).closest(article).length)
    .filter((el) => !isChrome($(el).text().trim()))
    .map((el) => $(el).text().replace(/\s+/gu, ' ').trim())
    .filter((line) => line.length > 0);
  const before = headings.filter((line) => line.length >= 6);
  const windowTitle =
    $('title')
      .text()
      .split(/[_|－-]/u)[0]
      ?.trim() ?? '';
  const title = before.at(-1) ?? windowTitle;
  const paragraphs = title && lines[0] !== title ? [title, ...lines] : lines;
  return { paragraphs, encoding, publishedOn, url, leftOut };
}
