import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
// MapLibre's stylesheet first, so that ours (loaded after it) overrides its controls and
// popups. It is in the first load on purpose: from the lazy map chunk it would arrive
// after ours and undo those rules. The map's code stays out of the first load.
import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
