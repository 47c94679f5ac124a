// One finished line of the run: a step, a preflight check, a diff line or a note.
import { Text } from 'ink';
import { SYMBOL } from '../components/theme.js';
import type { DoneLine } from './run-state.js';

export function DoneLineView({ line }: { line: DoneLine }) {
  switch (line.kind) {
    case 'step': {
      const [mark, color] =
        line.status === 'done'
          ? [SYMBOL.ok, 'green']
          : line.status === 'failed'
            ? [SYMBOL.error, 'red']
            : ['-', 'gray'];
      return (
        <Text>
          <Text color={color}>{mark}</Text> {line.title}
          {line.detail ? (
            <Text dimColor> {line.status === 'failed' ? `— ${line.detail}` : `(${line.detail})`}</Text>
          ) : null}
        </Text>
      );
    }
    case 'check': {
      const [mark, color] =
        line.level === 'ok'
          ? [SYMBOL.ok, 'green']
          : line.level === 'warn'
            ? [SYMBOL.warn, 'yellow']
            : [SYMBOL.error, 'red'];
      return (
        <Text>
          {'  '}
          <Text color={color}>{mark}</Text> {line.message}
          {line.hint && line.level !== 'ok' ? <Text dimColor> → {line.hint}</Text> : null}
        </Text>
      );
    }
    case 'diff': {
      const l = line.line;
      if (l.op === '@') return <Text bold>{l.text}</Text>;
      const color = l.op === '+' ? 'green' : l.op === '-' ? 'red' : undefined;
      return <Text {...(color ? { color } : { dimColor: true })}>{`${l.op} ${l.text}`}</Text>;
    }
    case 'note':
      return <Text dimColor>{`  ${line.text}`}</Text>;
  }
}
