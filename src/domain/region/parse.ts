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

// zod's own texts are English; the region file is edited by people who read Dutch.
function dutchIssue(issue: { code: string; message: string; expected?: unknown }): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === undefined
        ? 'verkeerd type'
        : `verwacht ${String(issue.expected)}, ontbreekt of verkeerd type`;
    case 'too_small':
      return 'te kort of te weinig elementen';
    case 'invalid_format':
      return issue.message.startsWith('verwacht') ? issue.message : 'ongeldig formaat';
    case 'invalid_value':
      return 'ongeldige waarde';
    case 'unrecognized_keys':
      return 'onbekend veld';
    default:
      return issue.message;
  }
}
