// The field table is the single spelling of the answers: every row must come back out of
// the real command-line parser as the answer it names, under its own key.
import { describe, expect, it } from 'vitest';
import { flagLayer } from '../../../src/cli/inputs.js';
import { parseArgs } from '../../../src/cli/program.js';
import { ANSWER_FIELDS, ANSWER_KEYS, flagFor, isAnswerKey, optionProperty } from '../../../src/domain/fields.js';

const parse = (argv: string[]) => {
  const r = parseArgs(argv, '0.0.0', () => {});
  if (r === 'done') throw new Error('parser printed help');
  return r;
};

describe('the answer field table', () => {
  it('has one row per key', () => {
    expect(new Set(ANSWER_KEYS).size).toBe(ANSWER_FIELDS.length);
    expect(ANSWER_KEYS.every(isAnswerKey)).toBe(true);
    expect(isAnswerKey('values-file')).toBe(false);
  });

  it.each(ANSWER_FIELDS.map((f) => [f.key, f] as const))('--%s reaches the answers under its key', (key, f) => {
    const long = f.flags.split(/[ ,]+/).find((s) => s.startsWith('--')) ?? '';
    const argv = f.kind === 'toggle' ? [long] : [long, 'x1'];
    const { options } = parse(argv);
    expect(options[optionProperty(key)]).toBe(f.kind === 'toggle' ? true : 'x1');
    expect(flagLayer(options).values).toEqual({ [key]: f.kind === 'toggle' ? true : 'x1' });
    if ('negated' in f) expect(flagLayer(parse([`--no-${key}`]).options).values).toEqual({ [key]: false });
  });

  it('names a key the way the command line spells it', () => {
    expect(flagFor('environment')).toBe('-e/--environment');
    expect(flagFor('db-host')).toBe('--db-host');
    expect(flagFor('storage')).toBe('--storage SIZE/--no-storage');
  });
});
