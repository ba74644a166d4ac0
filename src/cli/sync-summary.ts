import { t, type MessageKey } from '../domain/messages.js';
import { deliveryLines, duplicateLine } from '../domain/overview/delivery-text.js';
import type { SyncSummary } from '../sync/run-sync.js';

// The sync's summary as the coordinator reads it: the notes, what changed since the previous
// sync (whoever ran it), then the counts and where the overview is.

export function summaryText(s: SyncSummary): string {
  const lines = [
    ...s.notes,
    ...deliveryLines(s),
    ...s.duplicates.map(duplicateLine),
    ...(s.problems.length === 0
      ? []
      : [t('sync.summary-problems', { paths: s.problems.join(', ') })]),
    ...changeLines(s),
    t('sync.summary-files', { ...s.files }),
    t('sync.summary-rows', { ...s.rows }),
    t('sync.summary-uploads', { uploaded: s.uploaded }),
    t(s.overviewChanged ? 'sync.summary-overview' : 'sync.summary-overview-unchanged', {
      path: s.overview,
    }),
  ];
  return `${lines.join('\n')}\n`;
}

function changeLines(s: SyncSummary): string[] {
  const c = s.changes;
  if (c.first) return [t('sync.summary-first')];
  const lists: [MessageKey, string, string[]][] = [
    ['sync.summary-sources-new', 'paths', c.newSources],
    ['sync.summary-sources-changed', 'paths', c.changedSources],
    ['sync.summary-sources-removed', 'paths', c.removedSources],
    ['sync.summary-gaps-new', 'gaps', c.newGaps],
    ['sync.summary-gaps-closed', 'gaps', c.closedGaps],
    ['sync.summary-feedback-removed', 'paths', c.removedFeedback],
    ['sync.summary-kept', 'paths', s.kept],
  ];
  const lines = lists
    .filter(([, , items]) => items.length > 0)
    .map(([key, param, items]) => t(key, { [param]: items.join(', ') }));
  return lines.length > 0 ? lines : [t('sync.summary-nothing-new')];
}
