import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
// why: the legacy build runs on Node 20 without the browser globals the modern build expects;
// reading printed PDFs with pdf.js (installed by npm ci) keeps the suite free of poppler.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** One printed page: its size in PostScript points and its text, line by line. */
export interface PdfPage {
  width: number;
  height: number;
  text: string;
  /** Share of the page's height, from the top, that its lowest line of text reaches (0-1). */
  filled: number;
}

/** What a reader of the PDF gets: its pages, and all their text as one string. */
export interface PdfContents {
  pages: PdfPage[];
  text: string;
}

async function open(pdf: string | Uint8Array) {
  const data = new Uint8Array(typeof pdf === 'string' ? readFileSync(pdf) : pdf);
  return getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
}

/** A4 in points, within a point of rounding either way. */
export function isA4(page: Pick<PdfPage, 'width' | 'height'>): boolean {
  return Math.abs(page.width - 595.28) < 2 && Math.abs(page.height - 841.89) < 2;
}

/** Reads the pages of a PDF (a file or its bytes) and their text, joined into lines as a reader sees them. */
export async function readPdf(pdf: string | Uint8Array): Promise<PdfContents> {
  const doc = await open(pdf);
  const pages: PdfPage[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      // why: group text runs by their baseline so a phrase split into several runs reads as one line
      const lines = new Map<number, { x: number; s: string }[]>();
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const y = Math.round(item.transform[5] as number);
        const x = item.transform[4] as number;
        const line = lines.get(y) ?? [];
        line.push({ x, s: item.str });
        lines.set(y, line);
      }
      const text = [...lines.entries()]
        .sort((a, b) => b[0] - a[0])
        .map(([, runs]) =>
          runs
            .sort((a, b) => a.x - b.x)
            .map((r) => r.s)
            .join('')
            .replace(/\s+/g, ' ')
            .trim(),
        )
        .filter((l) => l !== '')
        .join('\n');
      const height = y1 - y0;
      const inked = [...lines.entries()].filter(([, runs]) => runs.some((r) => r.s.trim() !== ''));
      const lowest = Math.min(height, ...inked.map(([y]) => y - y0));
      pages.push({ width: x1 - x0, height, text, filled: inked.length ? (height - lowest) / height : 0 });
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return { pages, text: pages.map((p) => p.text).join('\n') };
}

/**
 * Renders each page to a PNG named `<prefix>-<n>.png` in `dir` and returns, per page, the file and
 * the share of its pixels that are not white (a blank page prints as 0).
 */
export async function renderPdf(
  pdf: string | Uint8Array,
  dir: string,
  prefix: string,
  scale = 50 / 72,
): Promise<{ file: string; inked: number }[]> {
  const doc = await open(pdf);
  const out: { file: string; inked: number }[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale });
      const factory = doc.canvasFactory as {
        create(w: number, h: number): { canvas: PngCanvas; context: unknown };
      };
      const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
      await page.render({ canvas: canvas as never, canvasContext: context as never, viewport }).promise;
      const ctx = context as { getImageData(x: number, y: number, w: number, h: number): ImageData };
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let inked = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! < 720) inked++;
      const file = join(dir, `${prefix}-${n}.png`);
      writeFileSync(file, canvas.toBuffer('image/png'));
      out.push({ file, inked: inked / (canvas.width * canvas.height) });
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return out;
}

interface PngCanvas {
  width: number;
  height: number;
  toBuffer(mime: 'image/png'): Buffer;
}
