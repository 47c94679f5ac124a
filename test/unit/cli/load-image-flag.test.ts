import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../src/cli/program.js';

const parse = (...argv: string[]) => {
  const r = parseArgs(argv, '1.2.3', () => undefined);
  if (r === 'done') throw new Error('help/version');
  return r.options;
};

describe('--load-image / --no-load-image', () => {
  it('is unset unless given, so the install can ask (or print the commands when headless)', () => {
    expect(parse('install').loadImage).toBeUndefined();
    expect(parse('install', '--load-image').loadImage).toBe(true);
    expect(parse('install', '--no-load-image').loadImage).toBe(false);
  });
  it('is in the help text', () => {
    let help = '';
    expect(parseArgs(['--help'], '1.2.3', (s) => (help += s))).toBe('done');
    expect(help).toContain('--load-image');
    expect(help).toContain('--no-load-image');
  });
});
