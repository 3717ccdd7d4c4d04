import { getEnv } from "~/config/env.server";

/**
 * A fixed-window counter per key (a client address), kept in this process's memory: nothing is
 * written and nothing outlives the window, so it tracks no one. Several instances each count their
 * own share — enough to stop a script posting in a loop, not meant as an exact quota.
 */
export class WindowRateLimit {
  private windowStart = 0;
  private counts = new Map<string, number>();

  constructor(
    private readonly limit: () => number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one attempt for the key; false when it is over the limit of the current window. */
  take(key: string): boolean {
    const now = this.now();
    // The whole map is dropped when the window turns, so it never holds more than a minute's keys.
    if (now - this.windowStart >= this.windowMs) {
      this.windowStart = now;
      this.counts = new Map();
    }
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    return count <= this.limit();
  }
}

/** Survey answers and drafts per client address (SURVEY_SUBMISSIONS_PER_MINUTE), web and API alike. */
export const surveySubmissionLimit = new WindowRateLimit(() => getEnv().SURVEY_SUBMISSIONS_PER_MINUTE);
export const SURVEY_RATE_LIMITED_MESSAGE = "För många svar från din adress på kort tid. Vänta en minut.";
