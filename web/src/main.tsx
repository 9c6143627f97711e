import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { adoptTokenFromUrl } from './api/access-token.ts';
import { adoptSeatFromUrl } from './api/seat-token.ts';
import './styles.css';

// Before the router reads the hash: `#token=...` is a credential, not a route.
adoptTokenFromUrl();
adoptSeatFromUrl();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
