import {Presets, SingleBar} from "cli-progress";

export interface ProgressOptions {
  stream?: NodeJS.WriteStream;
  env?: NodeJS.ProcessEnv;
}

export interface DocumentProgress {
  /** runPipeline's onProgress; undefined when nobody is watching, so the pipeline does no work for it. */
  onProgress?: (done: number, total: number) => void;
  /** Ends the bar's line, so whatever is written next starts on its own. */
  stop: () => void;
}

/**
 * Documents extracted so far, their rate and the time left, as a bar redrawn in place. Only for a person at a
 * terminal: piped into a file or a CI log, carriage-return redraws are noise, so then nothing is written at all.
 */
export function documentProgress({stream = process.stderr, env = process.env}: ProgressOptions = {}): DocumentProgress {
  if (!stream.isTTY || env.CI) return {stop: () => {}};
  const bar = new SingleBar(
    {stream, format: "extracting {bar} {value}/{total} documents | {speed} docs/s | ETA {eta_formatted}", hideCursor: false},
    Presets.shades_classic
  );
  let started: {at: number; done: number} | null = null;
  const stop = () => {
    if (started) bar.stop();
    started = null;
  };
  return {
    onProgress: (done, total) => {
      // Documents found in the cache count as done before the first call; the rate is of the ones extracted now.
      if (!started) {
        started = {at: Date.now(), done: done - 1};
        bar.start(total, done, {speed: "…"});
      }
      const seconds = (Date.now() - started.at) / 1000;
      bar.update(done, {speed: seconds > 0 ? ((done - started.done) / seconds).toFixed(1) : "…"});
      if (done >= total) stop();
    },
    stop
  };
}
