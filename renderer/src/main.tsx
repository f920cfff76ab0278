import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { getApi, onBridgeState } from './api';
import { CoreStore } from './core-store';
import { CoreStoreContext } from './use-core';
import './styles.css';

const root = document.getElementById('root');
const store = new CoreStore(getApi());
// The browser mode's bridge opened late or came back: what failed or was missed is read again.
onBridgeState((connected) => store.connection(connected));
if (root)
  createRoot(root).render(
    <StrictMode>
      <CoreStoreContext.Provider value={store}>
        <App />
      </CoreStoreContext.Provider>
    </StrictMode>,
  );
