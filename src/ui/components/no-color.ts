// Ink colours through chalk, whose bundled supports-color reads FORCE_COLOR and
// --no-color but not NO_COLOR (no-color.org). Ink and all our components share the one chalk
// instance, so lowering its level here switches colour off for every component.
import chalk from 'chalk';
import { colorOff } from './color-off.js';

/** Applies the no-colour rule (color-off.ts) before a tree is mounted. Returns whether colour is off. */
export function applyNoColor(env: NodeJS.ProcessEnv): boolean {
  const off = colorOff(env);
  if (off) chalk.level = 0;
  return off;
}
