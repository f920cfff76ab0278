import { useEffect, useState } from 'react';
import { getApi } from './api';

export function App() {
  const [mode, setMode] = useState<string>('connecting');
  useEffect(() => {
    const api = getApi();
    if (!api) {
      setMode('no core connected');
      return;
    }
    api.appInfo({}).then(
      (info) => setMode(`${info.mode} ${info.version}`),
      () => setMode('core unavailable'),
    );
  }, []);
  return (
    <main>
      <h1>Ricochet</h1>
      <p>Your team's real availability, at a glance.</p>
      <p role="status" aria-label="connection">
        {mode}
      </p>
    </main>
  );
}
