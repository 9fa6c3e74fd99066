import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The base styles first: each feature's stylesheet refines them (.register-table over .table) and must come after
// in the bundle, which follows the import order.
import './shared/styles.css';
import { App } from './app/app.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
