import type { Rng } from '../prng.ts';

/** A courier as the backend knows it, with how its AWBs look and the names marketplaces give it. */
export interface SimCourier {
  id: string;
  name: string;
  /** Lower-case fragments that identify it in a marketplace export's courier column. */
  aliases: string[];
  awb(rng: Rng): string;
}

// The first four ids are the reference document's own.
export const couriers: readonly SimCourier[] = [
  {
    id: '17cd69d0-0c3d-4886-9c93-7977000bade1',
    name: 'JNT Reguler',
    aliases: ['j&t', 'jnt', 'j & t'],
    awb: (rng) => `JP${rng.digits(10)}`,
  },
  {
    id: 'a9727718-2ab9-4a90-8b94-d2ca8ded9b8a',
    name: 'JNE(OKE)',
    aliases: ['jne'],
    awb: (rng) => `TJE${rng.digits(13)}`,
  },
  {
    id: '1ce46391-c1d1-4dc9-bcad-8d7a8140714c',
    name: 'Lion Parcel',
    aliases: ['lion'],
    awb: (rng) => `${rng.letters(3)}-${rng.letters(2)}${rng.digits(4)}`,
  },
  {
    id: '66e7219a-2fc3-40b1-b795-baaccd9d894c',
    name: 'GoSendInstant Courier',
    aliases: ['gosend', 'go-send', 'gojek'],
    awb: (rng) => `GK-11-${rng.digits(9)}`,
  },
  {
    id: '5f0c2b8e-7d43-4a4e-9a55-0d4c1a7e2b61',
    name: 'SiCepat REG',
    aliases: ['sicepat', 'si cepat'],
    awb: (rng) => `00${rng.digits(10)}`,
  },
  {
    id: 'c3b1d2e4-58a9-4f0b-8e6d-2a7c9b1f4e03',
    name: 'AnterAja Reguler',
    aliases: ['anteraja', 'anter aja'],
    awb: (rng) => `1000${rng.digits(11)}`,
  },
  {
    id: '8e2f6a1c-3b7d-4c9e-a5f2-6d1b0c8e7a94',
    name: 'SPX Standard',
    aliases: ['spx', 'shopee express'],
    awb: (rng) => `SPXID0${rng.digits(11)}`,
  },
];

export function courierFromText(text: string): SimCourier | undefined {
  const lower = text.toLowerCase();
  return couriers.find((c) => c.aliases.some((alias) => lower.includes(alias)));
}
