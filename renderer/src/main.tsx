import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { getApi } from './api';
import { CoreStore } from './core-store';
import { CoreStoreContext } from './use-core';
import './styles.css';

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <CoreStoreContext.Provider value={new CoreStore(getApi())}>
        <App />
      </CoreStoreContext.Provider>
    </StrictMode>,
  );
