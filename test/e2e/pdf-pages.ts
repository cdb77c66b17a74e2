import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';

// why: the suite must not need poppler; pdf.js, run inside the same headless Chromium, turns a
// printed PDF into page images a reviewer can look at and into text a test can read.

const require = createRequire(import.meta.url);
const PDFJS = join(dirname(require.resolve('pdfjs-dist/package.json')), 'build');
const ORIGIN = 'http://pdf.invalid';

// why: a page script, not a function passed to evaluate, so the test runner's transform of
// dynamic imports never reaches it.
const RENDER = `
import * as pdfjs from '/pdf.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/pdf.worker.mjs';
window.renderPdf = async (scale) => {
  const doc = await pdfjs.getDocument('/doc.pdf').promise;
  const out = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const p = await doc.getPage(i);
    const viewport = p.getViewport({ scale });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(viewport.width);
    canvas.height = Math.ceil(viewport.height);
    const g = canvas.getContext('2d');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    await p.render({ canvasContext: g, viewport }).promise;
    const content = await p.getTextContent();
    const items = content.items.filter((it) => (it.str ?? '').trim() !== '');
    const height = p.view[3];
    const lowest = Math.min(height, ...items.map((it) => it.transform[5]));
    out.push({
      png: canvas.toDataURL('image/png'),
      text: items.map((it) => it.str).join(' '),
      width: p.view[2],
      height,
      filled: items.length ? (height - lowest) / height : 0,
    });
  }
  return out;
};
`;

/** One page of a PDF: its image, its text, and how far down its text reaches. */
export interface PdfPage {
  png: Buffer;
  text: string;
  /** Size in PDF points (A4 is about 595 x 842). */
  width: number;
  height: number;
  /** Share of the page's height, from the top, that its lowest line of text reaches (0-1). */
  filled: number;
}

/** Renders every page of a PDF with pdf.js in Chromium. */
export async function readPdf(browser: Browser, pdf: Buffer | string, scale = 1): Promise<PdfPage[]> {
  const bytes = typeof pdf === 'string' ? readFileSync(pdf) : pdf;
  const context = await browser.newContext();
  const page = await context.newPage();
  const files: Record<string, { body: Buffer | string; type: string }> = {
    '/': {
      body: `<!doctype html><title>pdf</title><script type="module">${RENDER}</script>`,
      type: 'text/html',
    },
    '/pdf.mjs': { body: readFileSync(join(PDFJS, 'pdf.mjs')), type: 'text/javascript' },
    '/pdf.worker.mjs': { body: readFileSync(join(PDFJS, 'pdf.worker.mjs')), type: 'text/javascript' },
    '/doc.pdf': { body: bytes, type: 'application/pdf' },
  };
  await page.route(`${ORIGIN}/**`, (route) => {
    const file = files[new URL(route.request().url()).pathname];
    return file
      ? route.fulfill({ status: 200, body: file.body, contentType: file.type })
      : route.fulfill({ status: 404, body: '' });
  });
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => 'renderPdf' in window);
  const pages = await page.evaluate(
    (s) =>
      (
        window as unknown as {
          renderPdf(
            s: number,
          ): Promise<{ png: string; text: string; width: number; height: number; filled: number }[]>;
        }
      ).renderPdf(s),
    scale,
  );
  await context.close();
  return pages.map((p) => ({ ...p, png: Buffer.from(p.png.split(',')[1]!, 'base64') }));
}
