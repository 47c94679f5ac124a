// The source patches the bundle applies to dependencies (scripts/build-patches.mjs):
// each must find its text, and the patched string-width must measure exactly as before.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import originalStringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { patchStringWidth, patchYoga, stringWidthLazyEmojiRegex } from '../../../scripts/build-patches.mjs';

const ROOT = join(import.meta.dirname, '..', '..', '..');
type Width = (s: string) => number;

describe('yoga-layout without the fetch probe', () => {
  test('the inlined-wasm loader no longer touches the global fetch', () => {
    const file = join(ROOT, 'node_modules/yoga-layout/dist/binaries/yoga-wasm-base64-esm.js');
    const source = readFileSync(file, 'utf8');
    expect(source).toContain('typeof fetch');
    expect(patchYoga(source)).not.toMatch(/typeof fetch/);
  });

  test('a changed dependency fails the build instead of going unpatched', () => {
    expect(() => patchYoga('export default 1;')).toThrow(/yoga-layout changed/);
    expect(() => patchStringWidth('export default 1;')).toThrow(/string-width changed/);
  });
});

describe('string-width with its RGI emoji regex built on demand', () => {
  let dir = '';
  let patchedWidth: Width = () => Number.NaN;
  let bundled = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fhw-patch-'));
    const outfile = join(dir, 'string-width.mjs');
    // Resolved from Ink's folder, as the CLI bundle resolves it.
    await build({
      stdin: { contents: "export { default } from 'string-width';", resolveDir: join(ROOT, 'node_modules/ink') },
      bundle: true,
      format: 'esm',
      platform: 'node',
      outfile,
      plugins: [stringWidthLazyEmojiRegex],
      logLevel: 'silent',
    });
    bundled = readFileSync(outfile, 'utf8');
    patchedWidth = ((await import(pathToFileURL(outfile).href)) as { default: Width }).default;
  }, 60_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("Ink's string-width is the patched one", () => {
    expect(bundled).toContain('mayBeRgiEmoji');
    expect(bundled).not.toMatch(/const rgiEmojiRegex = \/\^\\p\{RGI_Emoji\}\$\/v/);
  });

  /** Single code points, then the emoji sequence shapes of UTS #51, then mixed text. */
  function corpus(): string[] {
    const out: string[] = [];
    const ranges: Array<[number, number]> = [
      [0x20, 0xd7ff],
      [0xe000, 0x2ffff],
      [0xe0000, 0xe007f],
    ];
    for (const [from, to] of ranges) for (let cp = from; cp <= to; cp++) out.push(String.fromCodePoint(cp));
    const emoji = out.filter((s) => /^\p{Emoji}$/u.test(s));
    const tones = [0x1f3fb, 0x1f3fc, 0x1f3fd, 0x1f3fe, 0x1f3ff].map((cp) => String.fromCodePoint(cp));
    for (const e of emoji) {
      out.push(`${e}\uFE0F`, `${e}\uFE0F\u20E3`, `${e}\u20E3`, `${e}\uFE0E`);
      for (const t of tones) out.push(`${e}${t}`);
    }
    for (let a = 0x1f1e6; a <= 0x1f1ff; a++) {
      for (let b = 0x1f1e6; b <= 0x1f1ff; b++) out.push(String.fromCodePoint(a, b));
    }
    out.push(
      String.fromCodePoint(0x1f3f4, 0xe0067, 0xe0062, 0xe0065, 0xe006e, 0xe0067, 0xe007f),
      '❤️‍🔥',
      '👁️‍🗨️',
      '🏳️‍🌈',
      '🧑🏽‍💻',
      '👩‍❤️‍💋‍👨',
      '👨‍👩‍👧‍👦',
      '☝🏽',
      '✔ reachable (Kubernetes v1.35.4)',
      '⠋ checking…',
      '❯ Continue (default) — answer the questions',
      'ｶﾞ日本語 한국어 각',
    );
    return out;
  }

  test('measures every string of the corpus exactly as the original', () => {
    const differ = corpus().filter((s) => patchedWidth(s) !== originalStringWidth(s));
    expect(differ).toEqual([]);
  });

  test('every RGI emoji in the corpus has the code point the guard looks for', () => {
    // A RegExp object, not a literal: tsc targets ES2022, which has no v flag.
    // biome-ignore lint/complexity/useRegexLiterals: see above
    const rgi = new RegExp('^\\p{RGI_Emoji}$', 'v');
    const guard = /\p{Emoji_Presentation}|\uFE0F/u;
    const all = corpus();
    expect(all.filter((s) => rgi.test(s)).length).toBeGreaterThan(2000);
    expect(all.filter((s) => rgi.test(s) && !guard.test(s))).toEqual([]);
  });
});
