// Source patches the bundle applies to two dependencies, each to keep work out of the
// wizard's first frame without changing what the code computes. A patch that no longer
// finds its text fails the build (the dependency changed: look again), never silently.
import { readFileSync } from 'node:fs';

/** Replaces each `from` in `source` with `to`; throws when `from` is missing. */
export function replaceOrFail(source, from, to, where) {
  if (!source.includes(from)) {
    throw new Error(`${where} changed: \`${from}\` not found; update scripts/build-patches.mjs`);
  }
  // A function, so that `$'` and friends in `to` are not replacement patterns.
  return source.replaceAll(from, () => to);
}

// yoga-layout's emscripten loader asks `typeof fetch` before it decodes its inlined
// (base64) wasm. On Node the global `fetch` is a lazy getter: that one question loads
// undici (~20 ms of CPU) for a wasm that never comes over the network. `!0` (true) takes
// the loader's own no-fetch branch. (The CLI itself never uses fetch: see httpHealthy.)
export function patchYoga(source) {
  return replaceOrFail(source, '"function"!=typeof fetch', '!0', 'yoga-layout');
}

// string-width 8 builds `/^\p{RGI_Emoji}$/v` when loaded: V8 expands the RGI emoji set
// there and then, ~16 ms before anything is measured. Every RGI emoji sequence holds a
// code point with Emoji_Presentation or a U+FE0F selector (UTS #51: basic emoji, keycaps,
// flags, modifier, tag and ZWJ sequences), so a segment without either cannot match:
// the regex is built on the first segment that could, usually never.
const RGI_DECLARATION = 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;';
const LAZY_RGI = [
  'let rgiEmojiRegexBuilt;',
  'const mayBeRgiEmoji = /\\p{Emoji_Presentation}|\\uFE0F/u;',
  'const rgiEmojiRegex = {',
  "\ttest: (segment) => mayBeRgiEmoji.test(segment) && (rgiEmojiRegexBuilt ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(segment),",
  '};',
].join('\n');

export function patchStringWidth(source) {
  return replaceOrFail(source, RGI_DECLARATION, LAZY_RGI, 'string-width');
}

function sourcePatch(name, filter, patch) {
  return {
    name,
    setup(b) {
      b.onLoad({ filter }, ({ path }) => ({ contents: patch(readFileSync(path, 'utf8')), loader: 'js' }));
    },
  };
}

export const yogaWithoutFetchProbe = sourcePatch(
  'yoga-without-fetch-probe',
  /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/,
  patchYoga,
);

// Only string-width 8 (Ink's own) builds the regex; wrap-ansi's nested string-width 7
// has none. test/unit/build checks that the bundled copy really is the patched one.
export const stringWidthLazyEmojiRegex = sourcePatch(
  'string-width-lazy-emoji-regex',
  /[\\/]node_modules[\\/]string-width[\\/]index\.js$/,
  (source) => (source.includes('const rgiEmojiRegex') ? patchStringWidth(source) : source),
);
