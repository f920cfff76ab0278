// A hook after an early return draws the wrong state on the next render: lint refuses it.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();
const rules = async (code: string) => {
  const [result] = await eslint.lintText(code, { filePath: 'renderer/src/views/bad.tsx' });
  return (result?.messages ?? []).map((m) => m.ruleId);
};

describe('the renderer’s hooks are linted', () => {
  it('a hook called after an early return is an error', async () => {
    const code = `import { useState } from 'react';
export function View({ ready }: { ready: boolean }) {
  if (!ready) return null;
  const [n] = useState(0);
  return <p>{n}</p>;
}
`;
    expect(await rules(code)).toContain('react-hooks/rules-of-hooks');
  });

  it('an effect that reads a value it does not list is an error', async () => {
    const code = `import { useEffect } from 'react';
export function View({ id }: { id: string }) {
  useEffect(() => void fetch(id), []);
  return null;
}
`;
    expect(await rules(code)).toContain('react-hooks/exhaustive-deps');
  });
});
