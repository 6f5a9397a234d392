import { SingleBar, Presets } from 'cli-progress';

export interface Progress {
  /** Set the total once it is known, and the number of items done so far. */
  update(done: number, total?: number): void;
  stop(): void;
}

/**
 * A progress bar on stderr for long runs. Silent when stderr is not a terminal or output is JSON,
 * so scripts and CI logs get clean output.
 */
export const progressBar = (label: string, opts: { quiet?: boolean } = {}): Progress => {
  if (opts.quiet || !process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} | ETA {eta_formatted}`,
      stream: process.stderr,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total ?? 0, done);
        started = true;
      } else {
        if (total !== undefined) bar.setTotal(total);
        bar.update(done);
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
};
