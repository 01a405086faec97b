/**
 * The design's checks for one page (issue 14), at a phone and a desktop width on the same page object
 * (the viewport is resized, the browser is not relaunched): axe-core (WCAG 2.2 A/AA) finds nothing and
 * the page does not scroll sideways (`scrollWidth <= clientWidth`); a wide table scrolls inside its
 * own `.table-scroll`/`.table-wrap` container instead.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { formatViolations, runAxe } from './axe.js';

/** A common laptop, and the narrowest phone we design for (last, so a page is left at phone width). */
export const DESIGN_WIDTHS = [1280, 360] as const;

/** Where the page is wider than its window, and the first elements sticking out (outside scroll containers). */
export async function sidewaysOverflow(
  page: Page,
): Promise<{ scrollWidth: number; clientWidth: number; culprits: string[] }> {
  return page.evaluate(`(() => {
    const root = document.documentElement;
    const culprits = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5 && !el.closest('.table-scroll, .table-wrap'))
      .slice(0, 5)
      .map((el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : ''));
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprits };
  })()`);
}

/**
 * Loads nothing: checks the page as it stands at each width, then leaves the viewport at the last one.
 * `label` names the page in failure messages.
 */
export async function expectDesignedAtEachWidth(page: Page, label: string, height = 800): Promise<void> {
  for (const width of DESIGN_WIDTHS) {
    await page.setViewportSize({ width, height });
    const size = await sidewaysOverflow(page);
    expect(size.clientWidth, `${label}: the window is ${width} px wide`).toBe(width);
    expect(
      size.scrollWidth,
      `${label} scrolls sideways at ${width} px; wider than the window: ${size.culprits.join(', ')}`,
    ).toBeLessThanOrEqual(size.clientWidth);
    const violations = await runAxe(page);
    expect(violations, formatViolations(`${label} at ${width} px`, violations)).toEqual([]);
  }
}
