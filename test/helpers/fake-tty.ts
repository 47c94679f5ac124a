// Terminal streams for mounting the real runInkWizard in tests (the same shape
// ink-testing-library uses, plus setRawMode so the TTY guard passes).
import { EventEmitter } from 'node:events';

export class FakeStdout extends EventEmitter {
  readonly isTTY = true;
  columns = 100;
  rows: number | undefined;
  frames: string[] = [];
  constructor(rows?: number) {
    super();
    this.rows = rows;
  }
  write = (frame: string) => {
    this.frames.push(frame);
    return true;
  };
  lastFrame = () => this.frames.at(-1);
}

export class FakeStdin extends EventEmitter {
  isTTY: boolean;
  private data: string | null = null;
  rawMode = false;
  constructor(isTTY = true) {
    super();
    this.isTTY = isTTY;
  }
  write = (data: string) => {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  };
  read = () => {
    const d = this.data;
    this.data = null;
    return d;
  };
  setRawMode = (on: boolean) => {
    this.rawMode = on;
    return this;
  };
  setEncoding() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

/** Streams typed as NodeJS ones for the wizard context. */
export function fakeTerminal(rows?: number) {
  const stdin = new FakeStdin();
  const stdout = new FakeStdout(rows);
  const stderr = new FakeStdout(rows);
  return {
    stdin,
    stdout,
    stderr,
    streams: {
      stdin: stdin as unknown as NodeJS.ReadStream,
      stdout: stdout as unknown as NodeJS.WriteStream,
      stderr: stderr as unknown as NodeJS.WriteStream,
    },
  };
}
