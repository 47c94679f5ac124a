// A one-line busy indicator. Our own rather than @inkjs/ui's: that package's index pulls
// every component and the whole cli-spinners table into the wizard's first frame.
import { Box, Text } from 'ink';
import { useEffect, useState } from 'react';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const INTERVAL_MS = 80;

export function Spinner({ label }: { label?: string }) {
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setFrame((f) => (f + 1) % FRAMES.length), INTERVAL_MS);
    return () => clearInterval(timer);
  }, []);
  return (
    <Box gap={1}>
      <Text color="blue">{FRAMES[frame]}</Text>
      {label ? <Text>{label}</Text> : null}
    </Box>
  );
}
