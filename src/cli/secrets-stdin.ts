// `--db-password-stdin` / `--redis-password-stdin`: passwords arrive on stdin so they
// never appear in argv, shell history or `ps`. Both at once: database first, one per line.
import { usageError } from '../domain/errors.js';

export interface StdinPasswords {
  database?: string;
  redis?: string;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Splits what stdin held into the passwords asked for (pure, for tests). */
export function splitPasswords(text: string, want: { database: boolean; redis: boolean }): StdinPasswords {
  const both = want.database && want.redis;
  const lines = both ? text.split(/\r?\n/) : [text.replace(/\r?\n$/, '')];
  const out: StdinPasswords = {};
  if (want.database) out.database = lines[0] ?? '';
  if (want.redis) out.redis = (both ? lines[1] : lines[0]) ?? '';
  for (const [which, value] of Object.entries(out)) {
    if (!value) {
      throw usageError(
        `--${which === 'database' ? 'db' : 'redis'}-password-stdin: stdin held no password`,
        both
          ? 'pipe the database password then the Redis password, one per line'
          : `pipe it in, e.g. printf '%s' "$PASSWORD" | flask-helm-wizard … --${which === 'database' ? 'db' : 'redis'}-password-stdin`,
      );
    }
  }
  return out;
}

export async function readStdinPasswords(
  stdin: NodeJS.ReadStream,
  want: { database: boolean; redis: boolean },
): Promise<StdinPasswords> {
  if (!want.database && !want.redis) return {};
  if (stdin.isTTY) {
    throw usageError(
      'a --*-password-stdin flag was given but stdin is a terminal',
      'pipe the password in (printf \'%s\' "$PASSWORD" | flask-helm-wizard …), or leave the flag out and type it in the wizard',
    );
  }
  return splitPasswords(await readAll(stdin), want);
}
