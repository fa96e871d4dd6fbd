import { cleanup, render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach } from 'vitest';
import { createI18n } from '../../../renderer/src/i18n/i18n.ts';
import { StationProvider } from '../../../renderer/src/station-context.tsx';
import { createLinkSource, type LinkState } from '../../../renderer/src/transport/link-state.ts';
import { createFakeStation, type FakeStation } from '../../support/fake-station.ts';

afterEach(cleanup);

export interface Rendered extends RenderResult {
  station: FakeStation;
  link: ReturnType<typeof createLinkSource>;
}

/** Renders a view as the app does: the real i18n resources, a fake station behind the real context. */
export async function renderWithStation(
  ui: ReactElement,
  options: { station?: FakeStation; language?: 'id' | 'en'; link?: LinkState } = {},
): Promise<Rendered> {
  const station = options.station ?? createFakeStation();
  const link = createLinkSource(options.link ?? 'up');
  const i18n = await createI18n(options.language ?? 'en');
  const result = render(
    <I18nextProvider i18n={i18n}>
      <StationProvider api={station} link={link}>
        {ui}
      </StationProvider>
    </I18nextProvider>,
  );
  return { ...result, station, link };
}

export function callsTo(station: FakeStation, method: string): unknown[] {
  return station.calls.filter((c) => c.method === method).map((c) => c.input);
}
