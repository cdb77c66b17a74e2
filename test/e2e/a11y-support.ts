import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** The WCAG 2.2 AA rule sets axe checks. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * Every WCAG 2.2 A/AA violation axe finds on the whole page, one line each.
 * The page's context must bypass the CSP (`bypassCSP: true`): axe comes in as a script tag.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  // why: a message fading in is measured mid-fade otherwise; and if one arrives during the run (the
  // scenario clock runs), the page is checked once more when it has settled.
  await settle(page);
  const first = await runAxe(page);
  if (first.length === 0) return first;
  await page.waitForTimeout(600);
  await settle(page);
  return runAxe(page);
}

async function settle(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))),
  );
}

async function runAxe(page: Page): Promise<string[]> {
  return page.evaluate(
    async (tags) => {
      const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<any> } }).axe;
      const result = await axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return result.violations.map(
        (v: any) =>
          `${v.id} (${v.impact}): ${v.help} at ${v.nodes
            .slice(0, 4)
            .map((n: any) => n.target.join(' '))
            .join(' | ')}${v.nodes.length > 4 ? ` and ${v.nodes.length - 4} more` : ''}`,
      );
    },
    WCAG_TAGS as unknown as string[],
  );
}

/** One stop of a Tab walk: what took focus, and whether its focus can be seen. */
export interface FocusStop {
  element: string;
  visible: boolean;
}

/**
 * Presses Tab through the page from the top until focus comes back round (or `limit` stops), and
 * tells for each element that took focus whether a focus indicator shows: an outline or a box
 * shadow on it or on the box around it (an option's label) that is not there without focus, or
 * failing that, pixels around it that change when it loses focus (an SVG node's focus ring).
 */
export async function tabWalk(page: Page, limit = 200): Promise<FocusStop[]> {
  // why: Tab continues from where focus last was; a focusable spot at the top starts the walk there.
  await page.evaluate(() => {
    for (const el of document.querySelectorAll('[data-walk]')) el.removeAttribute('data-walk');
    const start = document.createElement('span');
    start.id = 'walk-start';
    start.tabIndex = -1;
    document.body.prepend(start);
    start.focus();
  });
  const look = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const rings: string[] = [];
      for (let e: Element | null = el, i = 0; e && i < 3; e = e.parentElement, i++) {
        const s = getComputedStyle(e);
        const outline = s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) >= 2;
        rings.push(
          `${outline ? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}` : 'no outline'} / ${s.boxShadow}`,
        );
      }
      return rings;
    });
  const stops: { n: number; name: string; rings: string[] }[] = [];
  for (let n = 0; n < limit; n++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate((i) => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      if (el.hasAttribute('data-walk')) return 'again';
      el.setAttribute('data-walk', String(i));
      const label = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? '';
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.split(' ')[0]}` : '';
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls} "${label}"`;
    }, n);
    if (stop === null || stop === 'again') break;
    stops.push({ n, name: stop, rings: await look() });
  }
  const result: FocusStop[] = [];
  for (const stop of stops) {
    const el = page.locator(`[data-walk="${stop.n}"]`);
    await el.evaluate((e) => (e as HTMLElement).blur());
    const rings = await look();
    const focusedRing = stop.rings.some((r, i) => !r.startsWith('no outline / none') && r !== rings[i]);
    result.push({ element: stop.name, visible: focusedRing || (await pixelsChange(page, stop.n)) });
  }
  await page.evaluate(() => document.getElementById('walk-start')?.remove());
  return result;
}

/** Whether the pixels around an element differ between focused (after keyboard use) and not focused. */
async function pixelsChange(page: Page, n: number): Promise<boolean> {
  const el = page.locator(`[data-walk="${n}"]`);
  const box = await el.boundingBox();
  if (!box || box.width === 0 || box.height === 0) return false;
  await el.scrollIntoViewIfNeeded();
  const moved = (await el.boundingBox())!;
  const clip = {
    x: Math.max(0, moved.x - 8),
    y: Math.max(0, moved.y - 8),
    width: moved.width + 16,
    height: moved.height + 16,
  };
  await page.keyboard.press('Shift');
  await el.focus();
  const focused = await page.screenshot({ clip });
  await el.evaluate((e) => (e as HTMLElement).blur());
  const plain = await page.screenshot({ clip });
  return !focused.equals(plain);
}

/** Elements that still animate or transition for longer than a blink (reduced motion must stop them). */
export async function movingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const longest = (list: string) => Math.max(...list.split(',').map((d) => Number.parseFloat(d) || 0));
    const moving: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const s = getComputedStyle(el);
      const transition = s.transitionProperty !== 'none' ? longest(s.transitionDuration) : 0;
      const animation = s.animationName !== 'none' ? longest(s.animationDuration) : 0;
      if (transition > 0.01 || animation > 0.01)
        moving.push(
          `${el.tagName.toLowerCase()}.${el.className} (${s.transitionDuration} / ${s.animationDuration})`,
        );
    }
    return moving;
  });
}

/**
 * Elements that mark a state by colour (a class such as `phase-response`, `outcome-harmed`,
 * `countdown-critical`, `heat-broken`) with no words for it, on them or in the two boxes around them.
 */
export async function colourOnlyStates(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const STATE =
      /(?:^|-)(ok|warning|critical|good|fair|poor|passed|failed|protected|partial|harmed|followed|broken|mixed|prevention|pre-emption|response|consolidation)$/;
    const words = (el: Element | null) => {
      if (!el) return '';
      const h = el as HTMLElement;
      return `${h.innerText ?? ''} ${h.getAttribute('aria-label') ?? ''} ${h.getAttribute('title') ?? ''}`.trim();
    };
    const found: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('main [class], header [class]')) {
      if (el.closest('svg, .visually-hidden, dialog:not([open])')) continue;
      // why: a closed section's content keeps its boxes in Chromium (content-visibility) but shows
      // no words; it is checked when the section is open
      if (el.closest('details:not([open])') && !el.closest('summary')) continue;
      const cls = [...el.classList].find((c) => STATE.test(c));
      if (!cls || el.getBoundingClientRect().width === 0) continue;
      // why: a bar or swatch may carry no words itself when the words sit right beside it
      const box = el.parentElement;
      if (!words(el) && !words(box) && !words(box?.parentElement ?? null))
        found.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
    }
    return found;
  });
}
