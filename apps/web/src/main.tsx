import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n';
import { isFieldPath } from './router';
import './styles.css';

// Two apps, each in its own bundle: the office app, and the inspector's field app (/feld), which
// runs offline with a session of its own and so need not load (or parse) the office pages.
const App = lazy(() => import('./app').then((module) => ({ default: module.App })));
const FieldApp = lazy(() => import('./field/field-app'));

initI18n();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <Suspense fallback={null}>
      {isFieldPath(window.location.pathname) ? <FieldApp /> : <App />}
    </Suspense>
  </StrictMode>,
);
