type AudioContextClass = new () => AudioContext;

/** A short two-tone beep through WebAudio: loud enough across a packing room, no asset to ship. */
export function createBeeper(AudioContextCtor: AudioContextClass | undefined): () => void {
  let context: AudioContext | null = null;
  return () => {
    if (!AudioContextCtor) return;
    context ??= new AudioContextCtor();
    // Browsers start audio suspended until the page has been used; try, it is harmless if refused.
    if (context.state === 'suspended') void context.resume().catch(() => undefined);
    const start = context.currentTime;
    for (const [offset, frequency] of [[0, 880], [0.18, 660]] as const) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.2, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.001, start + offset + 0.15);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.16);
    }
  };
}
