// @inquirer/prompts colours through node:util styleText, which decides from the
// process's own environment (where FORCE_COLOR beats NO_COLOR) and process.stdout, not
// from the environment and stream the CLI hands us. This theme keeps the words and
// symbols and drops every colour and style when that environment asks for none.
import { colorOff } from '../components/color-off.js';

const same = (text: string) => text;

export const UNSTYLED_THEME = {
  prefix: { idle: '?', done: '✔' },
  style: {
    answer: same,
    message: same,
    error: (text: string) => `> ${text}`,
    defaultAnswer: (text: string) => `(${text})`,
    help: same,
    highlight: same,
    key: (text: string) => `<${text}>`,
    description: same,
    disabled: same,
  },
};

/** The shared no-colour rule (components/color-off.ts). */
export const wantsNoColor: (env: NodeJS.ProcessEnv) => boolean = colorOff;
