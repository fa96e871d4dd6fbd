import { contextBridge, ipcRenderer } from 'electron';
import { bridgeGlobalName } from '../shared/station-bridge.ts';
import { createBridge } from './create-bridge.ts';

contextBridge.exposeInMainWorld(bridgeGlobalName, createBridge(ipcRenderer));
