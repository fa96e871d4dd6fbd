type AudioContextClass = new () => AudioContext;

export interface Beeper {
  /** A short two-tone beep through WebAudio: loud enough across a packing room, no asset to ship. */
  beep: () => void;
  /** The browser holds audio back until the page has been used (web and kiosk mode). */
  blocked: () => boolean;
  /** Lets audio play; must run inside a click, the gesture the browser waits for. */
  unlock: () => Promise<void>;
  /** Called when `blocked()` may have changed; returns the function that unsubscribes. */
  onChange: (listener: () => void) => () => void;
}

export function createBeeper(AudioContextCtor: AudioContextClass | undefined): Beeper {
  let context: AudioContext | null = null;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  const open = (): AudioContext | null => {
    if (!AudioContextCtor) return null;
    if (!context) {
      context = new AudioContextCtor();
      context.addEventListener?.('statechange', notify);
    }
    return context;
  };
  return {
    beep: () => {
      const audio = open();
      if (!audio) return;
      // Harmless if refused: the page then shows its "enable sound" button.
      if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
      const start = audio.currentTime;
      for (const [offset, frequency] of [[0, 880], [0.18, 660]] as const) {
        const oscillator = audio.createOscillator();
        const gain = audio.createGain();
        oscillator.frequency.value = frequency;
        gain.gain.setValueAtTime(0.2, start + offset);
        gain.gain.exponentialRampToValueAtTime(0.001, start + offset + 0.15);
        oscillator.connect(gain).connect(audio.destination);
        oscillator.start(start + offset);
        oscillator.stop(start + offset + 0.16);
      }
    },
    blocked: () => open()?.state === 'suspended',
    unlock: async () => {
      await open()?.resume();
      notify();
    },
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
