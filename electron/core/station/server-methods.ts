import type { OrderApi, OrderApiConfig } from '../api/order-api.ts';
import { testServerConnection } from './connection-test.ts';
import type { SettingsChange, StationSettings } from './station-settings.ts';
import type { StationMethodImpls } from './station-methods.ts';

export interface ServerMethodDeps {
  /** Builds a client for any values, not only the stored ones: a test asks with what was typed. */
  api: (config: OrderApiConfig) => OrderApi;
  settings: Pick<StationSettings, 'view' | 'update' | 'forgetServer'>;
  onSettingsChange: (change: SettingsChange) => void;
}

type ServerMethodNames = 'testConnection' | 'connectServer' | 'disconnectServer';

/** Setting a server up, only after it answered, and forgetting it. */
export function createServerMethods({ api, settings, onSettingsChange }: ServerMethodDeps): Pick<StationMethodImpls, ServerMethodNames> {
  return {
    testConnection: async (server) => testServerConnection(api, server),
    connectServer: async (server) => {
      const test = await testServerConnection(api, server);
      if (test.ok) onSettingsChange(settings.update(server));
      return { test, settings: settings.view() };
    },
    disconnectServer: async () => {
      onSettingsChange(settings.forgetServer());
      return settings.view();
    },
  };
}
