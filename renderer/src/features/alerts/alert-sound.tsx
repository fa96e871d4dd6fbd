import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useStation, useStationEvent } from '../../station-context.tsx';
import type { Beeper } from './beep.ts';

interface AlertSoundProps {
  beeper: Beeper;
  /** The alert sound setting; off, nothing here makes a sound or shows. */
  enabled: boolean;
  /** Seconds between repeats; 0 beeps once per alert. */
  repeatSeconds: number;
}

/**
 * Keeps beeping, gently, while an alert nobody has acknowledged is still unresolved, and shows
 * the one click a browser needs before it lets the page make a sound at all. The alerts are read
 * again at each repeat, so one the station cleared or someone dismissed stops the beep.
 */
export function AlertSound({ beeper, enabled, repeatSeconds }: AlertSoundProps) {
  const { t } = useTranslation();
  const api = useStation();
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const latest = useRef(pending);
  latest.current = pending;
  // Seen by a person: an update of the same alert (its cause still there) does not start the beep again.
  const acknowledged = useRef(new Set<string>());
  const blocked = useSyncExternalStore(beeper.onChange, beeper.blocked);

  useEffect(() => {
    let current = true;
    // Alerts already standing when the page opens have not been acknowledged here either.
    api.listAlerts({}).then(
      (alerts) => current && setPending((set) => new Set([...set, ...alerts.map((a) => a.id)])),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api]);
  useStationEvent('alert', (alert) => {
    if (!acknowledged.current.has(alert.id)) setPending((set) => new Set([...set, alert.id]));
  });
  const acknowledge = () => {
    for (const id of latest.current) acknowledged.current.add(id);
    setPending(new Set());
  };

  // Any click or key on the page is the gesture the browser waits for: the button is for a page nobody touched yet.
  useEffect(() => {
    if (!enabled || !blocked) return undefined;
    const unlock = () => void beeper.unlock().catch(() => undefined);
    document.addEventListener('pointerdown', unlock, true);
    document.addEventListener('keydown', unlock, true);
    return () => {
      document.removeEventListener('pointerdown', unlock, true);
      document.removeEventListener('keydown', unlock, true);
    };
  }, [beeper, blocked, enabled]);

  const waiting = enabled && repeatSeconds > 0 && pending.size > 0;
  useEffect(() => {
    if (!waiting) return undefined;
    const timer = setInterval(() => {
      api.listAlerts({}).then(
        (alerts) => {
          const standing = new Set(alerts.map((a) => a.id));
          const still = new Set([...latest.current].filter((id) => standing.has(id)));
          setPending(still);
          if (still.size > 0) beeper.beep();
        },
        // The station is out of reach: that is worth a beep too, the alert may well still stand.
        () => beeper.beep(),
      );
    }, repeatSeconds * 1000);
    return () => clearInterval(timer);
  }, [api, beeper, waiting, repeatSeconds]);

  if (!enabled || (!blocked && !waiting)) return null;
  return (
    <div className="sound-bar">
      {blocked && (
        <button type="button" className="primary" onClick={() => void beeper.unlock().catch(() => undefined)}>
          {t('desk.sound.enable')}
        </button>
      )}
      {waiting && (
        <button type="button" onClick={acknowledge}>
          {t('desk.sound.acknowledge', { count: pending.size })}
        </button>
      )}
    </div>
  );
}
