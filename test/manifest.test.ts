import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { baseUrlFrom, DEV_BASE_URL, manifestFor } from '../scripts/manifest-url.js';

// The add-in manifest is linted offline against Microsoft's XML manifest schemas, kept in the
// repository (test/fixtures/office-manifest-xsd/, see its README for source and licence).
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const xsdDir = path.join(root, 'test', 'fixtures', 'office-manifest-xsd');
const MAIN_XSD = 'OfficeAppManifestV1_1.xsd';
const manifest = readFileSync(path.join(root, 'manifest.xml'), 'utf8');

async function validate(xml: string) {
  const xsds = readdirSync(xsdDir).filter((f) => f.endsWith('.xsd'));
  const file = (f: string) => ({
    fileName: f,
    contents: readFileSync(path.join(xsdDir, f), 'utf8'),
  });
  return validateXML({
    xml: { fileName: 'manifest.xml', contents: xml },
    schema: file(MAIN_XSD),
    preload: xsds.filter((f) => f !== MAIN_XSD).map(file),
  });
}

describe('manifest.xml', () => {
  it('is valid against the Office add-in manifest schemas', async () => {
    const result = await validate(manifest);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('is really checked: a manifest without its required Permissions is refused', async () => {
    const broken = manifest.replace('<Permissions>ReadWriteDocument</Permissions>', '');
    expect(broken).not.toBe(manifest);
    const result = await validate(broken);
    expect(result.valid).toBe(false);
    expect(result.errors.length).toBeGreaterThan(0);
  });

  it('asks for what the pane needs, in Dutch, on the dev server', () => {
    expect(manifest).toContain('<DefaultLocale>nl-BE</DefaultLocale>');
    expect(manifest).toContain('<Permissions>ReadWriteDocument</Permissions>');
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1.9" \/>/);
    expect(manifest).toContain('https://localhost:3000/taskpane.html');
    expect(manifest).toContain('https://localhost:3000/commands.html');
    expect(manifest).not.toContain('<Runtimes>');
    for (const size of [16, 32, 80]) {
      expect(manifest).toContain(`assets/icon-${size}.png`);
      const png = readFileSync(
        path.join(root, 'src', 'addin', 'public', 'assets', `icon-${size}.png`),
      );
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(size);
      expect(png.readUInt32BE(20)).toBe(size);
    }
  });

  it('is rewritten by the production build for the URL in ADDIN_BASE_URL, and stays valid', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'addin-build-'));
    try {
      const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', out], {
        cwd: root,
        env: { ...process.env, ADDIN_BASE_URL: 'https://partnerschap.example.be/paneel/' },
        encoding: 'utf8',
      });
      expect(build.stderr).toBe('');
      expect(build.status).toBe(0);
      const built = readFileSync(path.join(out, 'manifest.xml'), 'utf8');
      expect(built).not.toContain('localhost');
      expect(built).toContain('https://partnerschap.example.be/paneel/taskpane.html');
      expect(built).toContain('https://partnerschap.example.be/paneel/assets/icon-80.png');
      expect(built).toBe(manifestFor(manifest, 'https://partnerschap.example.be/paneel'));
      expect((await validate(built)).errors).toEqual([]);
      for (const page of ['taskpane.html', 'commands.html', 'check-result.html', 'help.html']) {
        expect(readFileSync(path.join(out, page), 'utf8')).toContain('<html lang="nl-BE">');
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('takes only an https base URL without query or fragment', () => {
    expect(baseUrlFrom(undefined)).toBe(DEV_BASE_URL);
    expect(baseUrlFrom('https://host.example/a/')).toBe('https://host.example/a');
    expect(() => baseUrlFrom('http://host.example')).toThrow(/https/);
    expect(() => baseUrlFrom('https://host.example/?x=1')).toThrow(/\?/);
    expect(() => baseUrlFrom('geen url')).toThrow(/geen geldige URL/);
  });
});
