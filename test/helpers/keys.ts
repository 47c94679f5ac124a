/** Raw key sequences as a terminal sends them in raw mode. */
export const KEY = {
  up: '\u001B[A',
  down: '\u001B[B',
  enter: '\r',
  esc: '\u001B',
  backspace: '\u007F',
  ctrlC: '\x03',
  pageDown: '\u001B[6~',
  pageUp: '\u001B[5~',
} as const;
