import type { z } from 'zod';
import { t } from '../messages.js';
import { regionSchema, type Region } from './schema.js';

export type RegionParse = { ok: true; region: Region } | { ok: false; errors: string[] };

/** Checks a region configuration; errors are Dutch lines naming each wrong field. */
export function parseRegion(json: unknown): RegionParse {
  const result = regionSchema.safeParse(json);
  if (result.success) return { ok: true, region: result.data };
  const errors = result.error.issues.map((issue) =>
    t('region.field', {
      path: issue.path.join('.') || '(hoofdniveau)',
      message: dutchIssue(issue),
    }),
  );
  return { ok: false, errors };
}

// zod's own texts are English; the region file is edited by people who read Dutch. Each zod
// issue code has its sentence in the catalogue, with zod's details as parameters.
function dutchIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return t('region.issue.type', { expected: TYPES[issue.expected] ?? issue.expected });
    case 'too_small':
    case 'too_big':
      return t(`region.issue.${issue.code === 'too_small' ? 'min' : 'max'}`, {
        limit: Number(issue.code === 'too_small' ? issue.minimum : issue.maximum),
      });
    case 'invalid_format':
      return t(issue.format === 'regex' ? 'region.issue.date' : 'region.issue.format');
    case 'unrecognized_keys':
      return t('region.issue.unknown-key', { keys: issue.keys.join(', ') });
    case 'custom':
      // The schema's own refinements carry their sentence from the catalogue.
      return issue.message;
    default:
      return t('region.issue.value');
  }
}

const TYPES: Record<string, string> = {
  string: 'tekst',
  number: 'een getal',
  int: 'een geheel getal',
  boolean: 'true of false',
  array: 'een lijst',
  object: 'een object',
};
