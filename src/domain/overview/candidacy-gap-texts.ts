import { t } from '../messages.js';
import type { OverviewBasis } from './merge.js';

// The tracker's "Vult hiaten" cell of each candidacy row: the gaps of the overview it addresses
// and the estimated citizens in them, so the jury scores "aansluiting bij de regio-uitdaging" on
// facts. The same matching as the overview's Kandidaturen sheet (one computation: the basis).

/** The key of a candidacy row: its workbook on the drive and its row there. */
export const candidacyRowKey = (path: string, row: number): string => JSON.stringify([path, row]);

export function candidacyGapTexts(basis: OverviewBasis): Map<string, string> {
  const texts = new Map<string, string>();
  basis.records.kandidatuur.forEach((k, i) => {
    const m = basis.matching.candidacyGaps[i];
    const text =
      m === undefined || m.gaps.length === 0
        ? t('tracker.gaps.none')
        : t('tracker.gaps.some', { gaps: m.gaps.join('; '), citizens: m.citizens });
    texts.set(candidacyRowKey(k.source, k.row), text);
  });
  return texts;
}
