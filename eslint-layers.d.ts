import type { Linter } from 'eslint';

/** The layer and cycle rules, as flat-config entries (see eslint-layers.js). */
export declare const layerConfigs: Linter.Config[];
export declare const layerZones: ReadonlyArray<{ target: string; from: string | string[]; except?: string[]; message: string }>;
