import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app.tsx';
import { connectStation } from './bridge.ts';
import { createI18n } from './i18n/i18n.ts';
import { StationProvider } from './station-context.tsx';
import './styles.css';

const i18n = await createI18n();
const root = createRoot(document.getElementById('root') as HTMLElement);
try {
  const { api, link } = connectStation(window);
  root.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <StationProvider api={api} link={link}>
          <App audio={window.AudioContext} />
        </StationProvider>
      </I18nextProvider>
    </StrictMode>,
  );
} catch (error) {
  root.render(
    <p className="fatal" role="alert">
      {i18n.t('app.noStation')} ({error instanceof Error ? error.message : String(error)})
    </p>,
  );
}
