import type { Page } from 'playwright-core';

/**
 * What a reader on this viewport would find wrong with the page now loaded:
 * a page wider than the screen (it scrolls sideways), and a visible table
 * cell holding Chinese narrower than three of its characters (or than its
 * whole text, where that is shorter: 单位 needs two), as a cell one character
 * wide stacks its words a character per line. A heading row hidden for screen
 * readers only (a stacked table's) is not read on screen.
 */
export async function findLayoutProblems(page: Page, width: number): Promise<string[]> {
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  const narrow = await page.$$eval('td, th', (cells) =>
    cells
      .filter((cell) => /\p{Script=Han}/u.test(cell.textContent))
      .filter((cell) => {
        for (let node: Element | null = cell; node; node = node.parentElement)
          if (getComputedStyle(node).clipPath !== 'none') return false;
        return true;
      })
      .filter((cell) => {
        const box = cell.getBoundingClientRect().width;
        const characters = Math.min(3, Array.from(cell.textContent.trim()).length);
        return box > 0 && box < characters * Number.parseFloat(getComputedStyle(cell).fontSize) - 1;
      })
      .map(
        (cell) =>
          `cell "${cell.textContent.trim().slice(0, 20)}" ${Math.round(cell.getBoundingClientRect().width)}px wide`,
      ),
  );
  return [...(pageWidth > width ? [`page is ${pageWidth}px wide`] : []), ...narrow];
}
