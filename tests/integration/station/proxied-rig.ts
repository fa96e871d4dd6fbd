import type { StationOptions } from '../../../electron/core/station/station-options.ts';
import { startRewritingProxy, type RewritingProxy } from '../../support/rewriting-proxy.ts';
import { startStationRig, type StationRig } from './station-rig.ts';

export interface ProxiedRig extends StationRig {
  /** Sits between the station and the simulator: rewrite what the station hears. */
  proxy: RewritingProxy;
}

/** The station rig with a rewriting proxy in front of the simulator. */
export async function startProxiedRig(overrides: Partial<StationOptions> = {}): Promise<ProxiedRig> {
  const rig = await startStationRig(overrides);
  const proxy = await startRewritingProxy(rig.sim.baseUrl);
  // The token goes with the address: a changed origin must never keep an old token.
  await rig.station.updateSettings({ apiBaseUrl: proxy.baseUrl, token: rig.sim.token });
  const closeRig = rig.close.bind(rig);
  // Keeps the rig's own getters (the station after a restart): the proxy is added, not copied.
  return Object.assign(rig, {
    proxy,
    async close() {
      await rig.station.stop();
      await proxy.close();
      await closeRig();
    },
  });
}
