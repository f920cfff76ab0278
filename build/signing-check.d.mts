export function signingLine(
  platform: 'mac' | 'win' | 'linux',
  env: Record<string, string | undefined>,
): string;
