// Streams for the --plain wizard in tests: what @inquirer/prompts reads and writes.

import { PassThrough } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { tick } from './frames.js';

export function lineTerminal() {
  const input = new PassThrough();
  const output = new PassThrough();
  // Each inquirer prompt pipes into the output and ends the pipe when it is answered, the
  // way it may with process.stdout (which ignores end()). Do the same here.
  output.end = (() => output) as typeof output.end;
  let text = '';
  output.on('data', (d: Buffer) => {
    text += d.toString();
  });
  const all = () => stripVTControlCharacters(text);
  return {
    streams: { stdin: input as unknown as NodeJS.ReadStream, stdout: output as unknown as NodeJS.WriteStream },
    all,
    /** The output with its escape sequences. */
    raw: () => text,
    /** Waits until the output (after `from` characters) contains `needle`; returns the new length. */
    async waitFor(needle: string, from = 0, timeoutMs = 10_000): Promise<number> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const i = all().indexOf(needle, from);
        if (i >= 0) {
          await tick();
          return i + needle.length;
        }
        if (Date.now() > deadline) throw new Error(`"${needle}" never printed; output:\n${all().slice(-2000)}`);
        await tick(10);
      }
    },
    async send(...chunks: string[]) {
      for (const c of chunks) {
        input.write(c);
        await tick();
      }
    },
  };
}
