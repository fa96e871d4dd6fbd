import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../electron/shared/domain.ts';
import type { SettingsView, StationState } from '../../electron/shared/station-api.ts';
import { useFocusKeeper } from './components/focus-keeper.ts';
import { AlertSound } from './features/alerts/alert-sound.tsx';
import { AlertsBanner } from './features/alerts/alerts-banner.tsx';
import { AutoPrintBadge } from './features/auto-print/auto-print-badge.tsx';
import { createBeeper } from './features/alerts/beep.ts';
import { BatchesView } from './features/batches/batches-view.tsx';
import { StatusBar } from './features/dashboard/status-bar.tsx';
import { HistoryView } from './features/history/history-view.tsx';
import { OrdersView } from './features/orders/orders-view.tsx';
import { ScanView } from './features/packing/scan-view.tsx';
import { PreviewView } from './features/preview/preview-view.tsx';
import { SettingsView as SettingsPage } from './features/settings/settings-view.tsx';
import { ServerSetupDialog } from './features/setup/server-setup-dialog.tsx';
import { useLinkState, useStation } from './station-context.tsx';

const views = ['batches', 'scan', 'history', 'orders', 'preview', 'settings'] as const;
type ViewName = (typeof views)[number];

export function App({ audio }: { audio?: new () => AudioContext }) {
  const { t, i18n } = useTranslation();
  const api = useStation();
  const [view, setView] = useState<ViewName>('batches');
  const [previewOrder, setPreviewOrder] = useState<Order | null>(null);
  const [state, setState] = useState<StationState | undefined>(undefined);
  const [settings, setSettings] = useState<SettingsView | undefined>(undefined);
  const [settingUp, setSettingUp] = useState(false);
  const beeper = useMemo(() => createBeeper(audio), [audio]);
  const link = useLinkState();
  useFocusKeeper();
  const wasDown = useRef(false);
  // Events may have been missed while the live link was down: start every view afresh.
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (link === 'up' && wasDown.current) setGeneration((n) => n + 1);
    wasDown.current = link === 'down';
  }, [link]);

  // From the demo to a server or back, every view (and alert) is another station's: start them afresh.
  const demo = state?.demo;
  const wasDemo = useRef(demo);
  useEffect(() => {
    if (wasDemo.current !== undefined && demo !== undefined && wasDemo.current !== demo) setGeneration((n) => n + 1);
    wasDemo.current = demo;
  }, [demo]);

  useEffect(() => {
    api.getState({}).then(setState, () => undefined);
    api.getSettings({}).then(setSettings, () => undefined);
  }, [api, generation]);
  useEffect(() => {
    if (settings && settings.language !== i18n.language) void i18n.changeLanguage(settings.language);
  }, [settings, i18n]);
  useEffect(() => {
    document.documentElement.lang = i18n.language;
  }, [i18n.language]);

  const switchLanguage = (language: 'id' | 'en') => {
    void i18n.changeLanguage(language);
    api.updateSettings({ language }).then(setSettings, () => undefined);
  };
  // Stable, so the Orders page's memoised rows do not all re-render on every station state.
  const preview = useCallback((order: Order) => {
    setPreviewOrder(order);
    setView('preview');
  }, []);

  return (
    <div className="app">
      <header className="top">
        <span className="brand">{t('app.title')}</span>
        <nav aria-label={t('app.navigation')}>
          {views.map((name) => (
            <button key={name} type="button" className="tab" aria-current={view === name ? 'page' : undefined} onClick={() => setView(name)}>
              {t(`nav.${name}`)}
            </button>
          ))}
        </nav>
        {state && <AutoPrintBadge autoPrint={state.autoPrint} />}
        <select className="language" aria-label={t('app.language')} value={i18n.language} onChange={(e) => switchLanguage(e.target.value === 'en' ? 'en' : 'id')}>
          <option value="id">Bahasa Indonesia</option>
          <option value="en">English</option>
        </select>
      </header>
      <main key={`main-${generation}`}>
        {view === 'batches' && <BatchesView onPreview={preview} autoPrint={state?.autoPrint} />}
        {view === 'scan' && <ScanView audio={audio} />}
        {view === 'history' && <HistoryView />}
        {view === 'orders' && <OrdersView onPreview={preview} />}
        {view === 'preview' && <PreviewView order={previewOrder} />}
        {view === 'settings' && <SettingsPage onSettings={setSettings} demo={state?.demo === true} onConnectServer={() => setSettingUp(true)} />}
      </main>
      {/* Below the view, never above it: a notice that comes or goes must not move the row under the operator's pointer. */}
      <div className="notices">
        {state?.demo && (
          <div className="demo-banner" role="note">
            <strong>{t('app.demoTag')}</strong>
            <span>{t('app.demo')}</span>
            <button type="button" onClick={() => setSettingUp(true)}>
              {t('setup.open')}
            </button>
          </div>
        )}
        <AlertSound key={`sound-${generation}`} beeper={beeper} enabled={settings?.alertSound ?? false} repeatSeconds={settings?.alertRepeatSeconds ?? 0} />
        <AlertsBanner key={`alerts-${generation}`} onNewAlert={() => settings?.alertSound !== false && beeper.beep()} />
      </div>
      {settingUp && <ServerSetupDialog onClose={() => setSettingUp(false)} />}
      <StatusBar key={`status-${generation}`} state={state} onState={setState} />
    </div>
  );
}
