import {
  AlignmentType,
  Document,
  Footer,
  Header,
  LevelFormat,
  Packer,
  PageNumber,
  ExternalHyperlink,
  Paragraph,
  TextRun,
} from 'docx';

/**
 * A year's disclosure as a finance bureau would publish it, in the files
 * bureaus really make: a Word document (automatic numbering of the part
 * headings, a running header, page numbers in the footer, a title long enough
 * to wrap), the PDF and Word 97 file LibreOffice makes of it
 * (scripts/make-format-fixtures.ts), a Notepad text in GBK, and the page a
 * government website serves. The department is fictitious (合成市); the text
 * follows the eight-part template and carries the cases that broke the
 * importer: a preface, a signature, a month-range period, long lines that
 * wrap, the variants of the withheld phrase and a withheld basis item.
 */
type Kind = 'title' | 'preface' | 'part' | 'text' | 'signature';

export interface Block {
  kind: Kind;
  text: string;
}

const DEPARTMENT = '合成市城市管理综合执法局';
export const TITLE = `${DEPARTMENT}部门2021年预算重点领域财政项目文本公开`;
const PART_NUMERALS = '一二三四五六七八';

const part = (n: number, title: string): Block => ({
  kind: 'part',
  text: `${PART_NUMERALS[n - 1]!}、${title}`,
});
const text = (words: string): Block => ({ kind: 'text', text: words });

export const BLOCKS: Block[] = [
  { kind: 'title', text: TITLE },
  {
    kind: 'preface',
    text: '根据《中华人民共和国预算法》和《合成市财政局关于做好2021年市级部门预算公开工作的通知》（合财预〔2021〕5号）要求，现将我局2021年预算重点领域财政项目文本公开如下：',
  },
  part(1, '项目名称'),
  text('合成市中心城区主次干道路灯照明设施智能化节能改造工程'),
  part(2, '立项依据'),
  text(
    '（一）、合政发（2020）18号：合成市人民政府《关于印发合成市城市照明专项规划（2020—2035年）的通知》',
  ),
  text(
    '（二）、合政办发（2020）41号：合成市人民政府办公室《关于开展城市道路照明设施节能改造工作的实施意见》',
  ),
  part(3, '项目实施单位'),
  text(`主管部门：${DEPARTMENT}`),
  text('项目实施单位：合成市路灯管理所'),
  part(4, '项目基本概况'),
  text('（一）、项目可行性'),
  text(
    '全市现有道路照明灯具4.2万盏，其中高压钠灯占百分之六十八，能耗高、故障率高，夜间巡查全靠人工，已不能满足城市精细化管理的需要。改造为发光二极管灯具并加装单灯控制器后，预计年节约电费约三百万元，投资可在六年内收回。',
  ),
  text('（二）、总体思路'),
  text('先主干道后次干道，先试点后推广，改造一片、验收一片。'),
  text('（三）、实施方式'),
  text('本项目采用政府采购方式实施。'),
  part(5, '项目实施内容'),
  text('改造道路照明灯具1.6万盏，建设单灯控制系统1套，接入城市管理综合平台。'),
  part(6, '资金安排情况'),
  text('本年度预算安排为1523.68万元。'),
  part(7, '项目实施计划'),
  text('（一）、建设规模'),
  text('改造道路照明灯具1.6万盏。'),
  text('（二）、投资估算'),
  text('项目估算总投资3047.36万元。'),
  text('（三）、实施周期'),
  text('2021年4月至2022年8月'),
  part(8, '项目实施成效'),
  text('道路照明用电量每年减少约四成，灯具故障发现时间由三天缩短为十分钟。'),
  part(1, '项目名称'),
  text('合成市城市管理执法指挥平台升级项目'),
  part(2, '立项依据'),
  text('（一）、合政办发（2021）3号：合成市人民政府办公室《关于加强城市管理执法能力建设的意见》'),
  text('（二）、涉密不宜公开'),
  part(3, '项目实施单位'),
  text('合成市城市管理综合执法局执法支队'),
  part(4, '项目基本概况'),
  text('（一）、项目可行性：涉密不宜公开'),
  text('（二）、总体思路'),
  text('（涉密不宜公开）'),
  text('（三）、实施方式'),
  text('涉密 不宜公开'),
  part(5, '项目实施内容'),
  text('涉密内容不宜公开'),
  part(6, '资金安排情况'),
  text('本年度预算安排为460万元，本项目采用财政预算安排经费的方式实施。'),
  part(7, '项目实施计划'),
  text('（一）、建设规模'),
  text('涉密不宜公开。'),
  text('（二）、投资估算'),
  text('项目估算总投资460万元。'),
  text('（三）、实施周期'),
  text('2021年度'),
  part(8, '项目实施成效'),
  text('执法案件平均办理时间缩短三成。'),
  { kind: 'signature', text: DEPARTMENT },
  { kind: 'signature', text: '2021年3月15日' },
];

/** What the fixture's published figures and markers are, for the tests that check them. */
export const FACTS = {
  year: 2021,
  projects: [
    {
      name: '合成市中心城区主次干道路灯照明设施智能化节能改造工程',
      amountYuan: 15_236_800,
      published: '1523.68万元',
      period: '2021年4月至2022年8月',
      // 本项目采用政府采购方式实施: how the work is bought, not where the money comes from.
      source: null,
      procurement: '政府采购',
      withheld: [] as string[],
    },
    {
      name: '合成市城市管理执法指挥平台升级项目',
      amountYuan: 4_600_000,
      published: '460万元',
      period: '2021年度',
      source: '财政预算安排经费',
      procurement: null,
      withheld: ['basis', 'feasibility', 'approach', 'method', 'content', 'scale'],
    },
  ],
  preface: BLOCKS[1]!.text,
  signature: { issuer: DEPARTMENT, published: '2021年3月15日', date: '2021-03-15' },
};

/** The text as a person reads it: one line per paragraph, the part numbers as Word shows them. */
export const fixtureLines = (blocks: Block[] = BLOCKS) => blocks.map((b) => b.text);

/**
 * The Word document: SimSun body text, a larger title, part headings numbered
 * by Word (一、 is not in their text), a header, and `— 1 —` in the footer.
 */
export async function makeDocx(
  options: {
    automaticNumbering?: boolean;
    blocks?: Block[];
    /** A link to another site in the page header, as a hostile file might carry one. */
    externalLink?: string;
  } = {},
): Promise<Buffer> {
  const automatic = options.automaticNumbering ?? true;
  let project = 0;
  const paragraphs = (options.blocks ?? BLOCKS).map((block) => {
    const run = (size: number) =>
      new TextRun({
        text: block.text,
        size,
        font: { eastAsia: 'SimSun', ascii: 'Times New Roman' },
      });
    switch (block.kind) {
      case 'title':
        return new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [run(44)],
          spacing: { after: 240 },
        });
      case 'part': {
        if (block.text.startsWith('一、')) project += 1;
        return automatic
          ? new Paragraph({
              numbering: { reference: 'parts', level: 0, instance: project },
              children: [
                new TextRun({
                  text: block.text.slice(2),
                  size: 32,
                  font: { eastAsia: 'SimHei' },
                }),
              ],
            })
          : new Paragraph({ children: [run(32)] });
      }
      case 'signature':
        return new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(32)] });
      default:
        return new Paragraph({ indent: { firstLine: 640 }, children: [run(32)] });
    }
  });
  const document = new Document({
    numbering: {
      config: [
        {
          reference: 'parts',
          levels: [
            {
              level: 0,
              format: LevelFormat.CHINESE_COUNTING,
              text: '%1、',
              alignment: AlignmentType.LEFT,
            },
          ],
        },
      ],
    },
    sections: [
      {
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun(`${DEPARTMENT}部门预算公开`),
                  ...(options.externalLink
                    ? [
                        new ExternalHyperlink({
                          link: options.externalLink,
                          children: [new TextRun(' 网站')],
                        }),
                      ]
                    : []),
                ],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
              }),
            ],
          }),
        },
        children: paragraphs,
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** GBK bytes for a text, as Notepad's "ANSI" saves it on Chinese Windows: built from the decoder's own table. */
export function encodeGbk(text: string): Uint8Array {
  const table = gbkTable();
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(char);
      if (pair === undefined) throw new Error(`${char} has no GBK encoding`);
      bytes.push(pair >> 8, pair & 0xff);
    }
  }
  return Uint8Array.from(bytes);
}

let table: Map<string, number> | undefined;
function gbkTable(): Map<string, number> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(Uint8Array.of(lead, trail));
      if (char.length === 1 && char !== '\uFFFD' && !table.has(char))
        table.set(char, (lead << 8) | trail);
    }
  }
  return table;
}

/**
 * The page a government website serves for the text: GB2312, the site's
 * navigation and breadcrumb, a 发布时间/浏览次数 line, the article, 分享到 and
 * 打印本页, related articles, and the footer with 网站标识码 and ICP.
 */
/**
 * What a hostile saved page carries, each part asking the server for
 * `/pwned/<what>` and opening a dialog if it ever runs, so that a browser test
 * sees it: a script, an image's onerror, a javascript: frame, a refresh to
 * another address and an SVG's onload.
 */
export const HOSTILE_PAYLOADS = {
  script: `<script>fetch('/pwned/script');alert('script')</script>`,
  img: `<img src="/no-such-image.png" onerror="fetch('/pwned/img');alert('img')">`,
  iframe: `<iframe src="javascript:fetch('/pwned/iframe');alert('iframe')"></iframe>`,
  refresh: `<meta http-equiv="refresh" content="0;url=/pwned/refresh">`,
  svg: `<svg onload="fetch('/pwned/svg');alert('svg')"><circle r="1"></circle></svg>`,
} as const;

/**
 * A PDF with a JavaScript action that runs when it opens, added as an
 * incremental update (as an editor saves one): the document's catalog again,
 * its OpenAction now the script. The text layer is untouched.
 */
export function addJavaScriptAction(pdf: Uint8Array, script = "app.alert('pdf');"): Uint8Array {
  const text = new TextDecoder('latin1').decode(pdf);
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)![1]);
  const root = Number(/\/Root\s+(\d+)\s+0\s+R/.exec(trailer)![1]);
  const previous = Number(/startxref\s+(\d+)/.exec(trailer)![1]);
  const catalog = new RegExp(`\\n${root} 0 obj[\\s\\S]*?endobj`).exec(text)![0];
  const pages = /\/Pages\s+(\d+)\s+0\s+R/.exec(catalog)![1]!;
  const action = size;
  let update = '\n';
  const offsets: [number, number][] = [];
  const add = (id: number, body: string) => {
    offsets.push([id, pdf.length + update.length]);
    update += `${id} 0 obj\n${body}\nendobj\n`;
  };
  add(action, `<</Type/Action/S/JavaScript/JS(${script})>>`);
  add(root, `<</Type/Catalog/Pages ${pages} 0 R/OpenAction ${action} 0 R>>`);
  const xref = pdf.length + update.length;
  update += 'xref\n';
  for (const [id, offset] of offsets.sort((a, b) => a[0] - b[0]))
    update += `${id} 1\n${String(offset).padStart(10, '0')} 00000 n \n`;
  update += `trailer\n<</Size ${size + 1}/Root ${root} 0 R/Prev ${previous}>>\nstartxref\n${xref}\n%%EOF\n`;
  const bytes = new Uint8Array(pdf.length + update.length);
  bytes.set(pdf);
  bytes.set(
    Uint8Array.from(update, (c) => c.charCodeAt(0)),
    pdf.length,
  );
  return bytes;
}

export function makeSavedPage(
  options: {
    publishedOn?: string;
    pubDateMeta?: string;
    savedFrom?: string;
    /** Carry every one of HOSTILE_PAYLOADS, in the head, the article and the furniture. */
    hostile?: boolean;
  } = {},
): Uint8Array {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const [title, ...rest] = fixtureLines();
  const body = rest.map((line) => `<p style="text-indent:2em">${escape(line)}</p>`).join('\r\n');
  // Chrome's "Save page as… Webpage, HTML only" writes where it came from in a comment.
  const savedFrom = options.savedFrom
    ? `<!-- saved from url=(${String(options.savedFrom.length).padStart(4, '0')})${options.savedFrom} -->\n`
    : '';
  const html = `${savedFrom}<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>${escape(title!)}_合成市人民政府门户网站</title>
${options.pubDateMeta ? `<meta name="PubDate" content="${options.pubDateMeta}">` : ''}
<meta name="SiteName" content="合成市人民政府门户网站">
<script type="text/javascript">var _hmt = _hmt || [];</script>
<style>.nav li{float:left}</style>
${options.hostile ? `${HOSTILE_PAYLOADS.refresh}\n${HOSTILE_PAYLOADS.script}` : ''}
</head><body>
${options.hostile ? `${HOSTILE_PAYLOADS.iframe}${HOSTILE_PAYLOADS.svg}` : ''}
<div class="top"><div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwdt/">政务动态</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div></div>
<div class="main">
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/czyjs/">财政预决算</a></div>
<div class="article">
<h1 class="title">${escape(title!)}</h1>
<div class="info">${options.publishedOn ? `发布时间：${options.publishedOn}&nbsp;&nbsp;` : ''}来源：合成市城市管理综合执法局&nbsp;&nbsp;浏览次数：<span id="views">1024</span></div>
<div class="content" id="zoom">
${options.hostile ? HOSTILE_PAYLOADS.img : ''}${body}${options.hostile ? HOSTILE_PAYLOADS.script : ''}
</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
<div class="tools"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
<div class="related"><h3>相关文章</h3><ul><li><a href="/a.html">合成市财政局2021年部门预算公开</a></li><li><a href="/b.html">合成市教育局部门2021年预算重点领域财政项目文本公开</a></li></ul></div>
</div>
</div>
<div class="footer"><p>主办单位：合成市人民政府办公室 &nbsp; 网站标识码：1234000001</p><p>滇ICP备12345678号-1 &nbsp; 滇公网安备 53310202000001号</p></div>
</body></html>`;
  return encodeGbk(html.replace(/\n/g, '\r\n'));
}

/**
 * A PDF of `pages` pages, each with the lines `linesOf(n)` gives (ASCII, in
 * Helvetica), with a real text layer: for files far larger than a
 * disclosure, or made of nothing but a running line.
 */
export function makeTextPdf(pages: number, linesOf: (page: number) => string[]): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  const font = add('<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>');
  const tree = add('');
  const kids: number[] = [];
  for (let n = 1; n <= pages; n += 1) {
    const text = linesOf(n)
      .map((line, i) => `BT /F1 12 Tf 72 ${720 - 18 * i} Td (${line}) Tj ET`)
      .join('\n');
    const content = add(`<</Length ${text.length}>>\nstream\n${text}\nendstream`);
    kids.push(
      add(
        `<</Type/Page/Parent ${tree} 0 R/MediaBox[0 0 612 792]/Resources<</Font<</F1 ${font} 0 R>>>>/Contents ${content} 0 R>>`,
      ),
    );
  }
  objects[tree - 1] =
    `<</Type/Pages/Kids[${kids.map((k) => `${k} 0 R`).join(' ')}]/Count ${pages}>>`;
  const catalog = add(`<</Type/Catalog/Pages ${tree} 0 R>>`);
  let out = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<</Size ${objects.length + 1}/Root ${catalog} 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(out, (c) => c.charCodeAt(0));
}
