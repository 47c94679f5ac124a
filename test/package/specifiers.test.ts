// The bundle-imports check rests on this parser: it must see every way a bundle loads a
// module, and nothing that only looks like one.
import { expect, test } from 'vitest';
import { moduleSpecifiers } from './specifiers.js';

test('finds static, re-export, dynamic, require and __require loads; ignores strings and comments', () => {
  const source = [
    "import { a } from 'node:fs';",
    "import 'side-effect';",
    "export * from './chunks/x.js';",
    'export { b } from "pkg-b";',
    "const c = await import('./chunks/c.js');",
    'const d = require(`tpl`);',
    "var e = __require('http');",
    'const text = "require(\'not-a-load\')";',
    "// import('in-a-comment')",
    "/* require('in-a-block-comment') */",
    'const f = require(name);',
    "const g = obj.require('method-call-on-an-object');",
  ].join('\n');
  const s = moduleSpecifiers(source);
  expect(s.literal).toEqual(['node:fs', 'side-effect', './chunks/x.js', 'pkg-b', './chunks/c.js', 'tpl', 'http']);
  expect(s.computed).toEqual(['require(name)']);
});
