// A Web Worker that opens a cohort (see cohort-job.ts): it parses every run file once, asks the
// page for the scenarios the runs are of, then re-scores every run and posts the cohort back.
import type { CohortFile } from '../../engine/results/cohort.ts';
import type { RunFileResult } from '../../engine/results/run-file.ts';
import {
  type CohortProgress,
  type CohortReply,
  type CohortRequest,
  checkFiles,
  scoreFiles,
} from './cohort-work.ts';

let files: CohortFile[] = [];
let parsed = new Map<CohortFile, RunFileResult>();
let lastPost = 0;

const post = (reply: CohortReply) => self.postMessage(reply);
// why: one message per file would flood the page for thousands of small files; a few a second is
// enough for a progress bar, and the last one always goes.
const progress = (p: CohortProgress) => {
  const now = performance.now();
  if (p.done < p.total && now - lastPost < 50) return;
  lastPost = now;
  post({ type: 'progress', progress: p });
};

self.onmessage = (e: MessageEvent<CohortRequest>) => {
  try {
    if (e.data.type === 'check') {
      files = e.data.files;
      const total = files.length;
      const checked = checkFiles(files, e.data.known, (done) => progress({ phase: 'checking', done, total }));
      parsed = checked.parsed;
      post({ type: 'needs', ids: checked.needed });
    } else {
      const total = files.length;
      const cohort = scoreFiles(
        files,
        parsed,
        e.data.scenarios,
        (done) => progress({ phase: 'scoring', done, total }),
        e.data.accepted,
      );
      post({ type: 'done', cohort });
    }
  } catch (err) {
    post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
};
