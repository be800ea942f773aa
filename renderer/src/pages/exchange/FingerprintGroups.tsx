import { Typography } from 'antd';

/** A key's fingerprint as the county's screen shows it: 8 groups of 4 digits, spaced to be read aloud. */
export function FingerprintGroups({ fingerprint, testId }: { fingerprint: string; testId?: string }) {
  return (
    <Typography.Text strong style={{ fontFamily: 'monospace', fontSize: 18, letterSpacing: 1, whiteSpace: 'nowrap' }} data-testid={testId}>
      {fingerprint}
    </Typography.Text>
  );
}
