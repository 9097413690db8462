import type { Page } from 'playwright-core';

/** What to read from a screenshot's pixels. */
export interface PixelQuery {
  /** Count the pixels whose red, green and blue each differ from this colour by less than `tolerance`. */
  near?: readonly [number, number, number];
  tolerance?: number;
  /** Return the colour (0xRRGGBB) of every `every`-th pixel, row by row from the top left. */
  every?: number;
}

export interface Pixels {
  width: number;
  /** How many pixels are near the colour asked for (0 without `near`). */
  near: number;
  /** The sampled colours (empty without `every`). */
  sample: number[];
}

/**
 * Reads a PNG screenshot's pixels with the page's own image decoder, and reduces them in the
 * page, so that only the answer crosses back to the test (a map's screenshot has a million pixels).
 */
export async function screenshotPixels(page: Page, png: Buffer, query: PixelQuery): Promise<Pixels> {
  return page.evaluate(async ({ b64, near, tolerance, every }) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    if (near) {
      const [r, g, b] = near;
      for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i]! - r) < tolerance && Math.abs(d[i + 1]! - g) < tolerance && Math.abs(d[i + 2]! - b) < tolerance) n++;
    }
    const sample: number[] = [];
    if (every) for (let i = 0; i < d.length; i += 4 * every) sample.push((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
    return { width: c.width, near: n, sample };
  }, { b64: png.toString('base64'), near: query.near ? ([...query.near] as [number, number, number]) : undefined, tolerance: query.tolerance ?? 0, every: query.every });
}
