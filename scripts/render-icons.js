// Renders the add-in's icons (manifest.xml: 16, 32 and 80 px) from src/addin/public/assets/icon.svg
// in the same Chromium the end-to-end tests use, transparent around the tile. Run with
// `npm run icons` after changing the SVG; the PNGs are committed, so neither the build nor the
// tests need this.
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './addin-browser.js';

const ASSETS = path.join(import.meta.dirname, '..', 'src', 'addin', 'public', 'assets');
const SIZES = [16, 32, 80];

const svg = readFileSync(path.join(ASSETS, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
      `<body style="margin:0"><img src="${src}" width="${size}" height="${size}" style="display:block"></body>`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    await page.screenshot({ path: path.join(ASSETS, `icon-${size}.png`), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
