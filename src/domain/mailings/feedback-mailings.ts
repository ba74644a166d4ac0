import { feedbackLetter } from '../feedback-letter.js';
import { t } from '../messages.js';
import type { SourceInput } from '../overview/sources.js';
import type { Region } from '../region/schema.js';
import { hasProblems } from '../validation-report.js';
import { contactOf } from './contact.js';
import { signature, unsent, type Mailed, type Mailing } from './mailing.js';

// `partnerschap feedback --mail`: each source its feedback letter (the feedback file's text),
// to the contact address in its own workbook, only when the letter changed since the last mail.
// A source in order gets a mail only to say so after one with problems was mailed.

export function feedbackMailings(
  region: Region,
  sources: readonly SourceInput[],
  mailed: Mailed,
  now: Date,
): Mailing[] {
  const all = sources.flatMap((source) => {
    const key = `feedback:${source.path}`;
    const file = source.path.slice(source.path.lastIndexOf('/') + 1);
    const outcome = { file, ...source.outcome };
    if (!hasProblems(outcome) && !(key in mailed)) return [];
    const letter = feedbackLetter(region, source.path, outcome, now);
    const intro = [t('mail.feedback-greeting'), '', t('mail.feedback-intro', { file }), ''];
    const text = `${[...intro, ...letter, '', signature(region)].join('\n')}\n`;
    const subject = t('mail.feedback-subject', { file, region: region.name });
    const toMunicipality = source.outcome.ok && source.outcome.result.meta?.kind === 'gemeente';
    return [
      { key, to: contactOf(region, source), subject, text, about: source.path, toMunicipality },
    ];
  });
  return unsent(all, mailed);
}
