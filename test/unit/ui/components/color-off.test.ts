import { describe, expect, it } from 'vitest';
import { colorOff } from '../../../../src/ui/components/color-off.js';
import { colorEnabled } from '../../../../src/ui/mode.js';
import { wantsNoColor } from '../../../../src/ui/screens/plain-theme.js';

// One rule for the Ink screens, the plain prompts and the CLI's own messages.
describe('the no-colour rule', () => {
  const cases: [Record<string, string | undefined>, boolean][] = [
    [{}, false],
    [{ NO_COLOR: '1' }, true],
    [{ NO_COLOR: 'anything' }, true],
    // no-color.org: an empty NO_COLOR does not count.
    [{ NO_COLOR: '' }, false],
    [{ TERM: 'dumb' }, true],
    [{ TERM: 'xterm-256color' }, false],
  ];
  it.each(cases)('%o → colour off: %s', (env, off) => {
    expect(colorOff(env)).toBe(off);
    expect(wantsNoColor(env)).toBe(off);
    expect(colorEnabled({ isTTY: true }, env)).toBe(!off);
  });
  it('never colours what does not go to a terminal', () => {
    expect(colorEnabled({ isTTY: false }, {})).toBe(false);
  });
});
