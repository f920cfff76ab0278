import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireDependency } from './requirements';

/** The shared conformance corpus, read from ../shared/calendars beside the project. */
export const corpusDir = join(import.meta.dirname, '../../../shared/calendars');

export interface CorpusCase {
  file: string;
  from: string;
  to: string;
  tz: string;
  me: string | null;
  busy: { start: string; end: string; kind: string }[];
}

export function loadCorpus(): { cases: CorpusCase[]; skipped: [string, string][] } | undefined {
  const file = join(corpusDir, 'cases.json');
  if (
    !requireDependency(
      'The calendar corpus (../shared/calendars)',
      existsSync(file),
      'check out shared/ beside the project',
    )
  ) {
    return undefined;
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

export const corpusText = (file: string) => readFileSync(join(corpusDir, file), 'utf8');
