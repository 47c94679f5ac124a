// The one rule for "no colour", shared by the Ink screens, the plain prompts and the
// CLI's own messages: NO_COLOR set to a non-empty value (no-color.org), or a terminal
// that says it is dumb. Pure and import-free: the CLI's start-up path reads it too.
export function colorOff(env: Readonly<Record<string, string | undefined>>): boolean {
  return (typeof env.NO_COLOR === 'string' && env.NO_COLOR !== '') || env.TERM === 'dumb';
}
