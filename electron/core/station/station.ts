import type { StationApi } from '../../shared/station-api.ts';

/** A station core: the contract's methods and events, and its life. */
export interface Station extends StationApi {
  /** Resumes unfinished jobs from the journal and starts polling. */
  start(): void;
  /** Stops polling, lets each printer finish the label in flight, closes the journal. */
  stop(): Promise<void>;
}
