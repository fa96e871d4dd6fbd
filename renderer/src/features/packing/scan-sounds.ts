import type { ScanOutcome } from '../../../../electron/shared/packing.ts';

type AudioContextClass = new () => AudioContext;

/** Tones a packer tells apart without looking: one high for packed, low buzzes for trouble. */
const tones: Record<ScanOutcome, readonly (readonly [offset: number, frequency: number, length: number])[]> = {
  packed: [[0, 1320, 0.09]],
  'already-packed': [[0, 660, 0.12], [0.16, 660, 0.12]],
  'other-batch': [[0, 520, 0.12], [0.15, 390, 0.12], [0.3, 520, 0.12]],
  unknown: [[0, 220, 0.45]],
};

export function createScanSounds(AudioContextCtor: AudioContextClass | undefined): (outcome: ScanOutcome) => void {
  let context: AudioContext | null = null;
  return (outcome) => {
    if (!AudioContextCtor) return;
    context ??= new AudioContextCtor();
    if (context.state === 'suspended') void context.resume().catch(() => undefined);
    const start = context.currentTime;
    for (const [offset, frequency, length] of tones[outcome]) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = outcome === 'packed' ? 'sine' : 'square';
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.2, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.001, start + offset + length);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + length + 0.01);
    }
  };
}
