import { describe, expect, it } from 'vitest';
import { aanbodLayout, kandidatuurLayout, personaLayout } from '../src/domain/layouts.js';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import { rowsOf, takenOf, validateWorkbook } from '../src/domain/validate.js';
import { persona } from './helpers/overview-sources.js';
import { sheetOf, workbookOf } from './helpers/raw.js';

// The record types come from the layouts: what validation yields is typed per layout, so reading
// a field that is not in the layout does not compile. The @ts-expect-error lines are checked by
// `tsc` in `npm test`: if one of them compiled, the type check fails.

const meta = { kind: 'gemeente', version: '1', region: leieSchelde.id, owner: 'Deinze' };
const result = validateWorkbook(
  workbookOf([sheetOf(personaLayout, [persona('P01', 12)]), sheetOf(aanbodLayout, [])], meta),
  leieSchelde,
);

describe('records typed from their layout', () => {
  it('give each field its column kind, required fields never null', () => {
    const [p] = takenOf(result, personaLayout);
    const aantal: number = p!.record.aantal;
    const toelichting: string | null = p!.record.toelichting;
    // @ts-expect-error: an optional column may be null
    const mustBeText: string = p!.record.toelichting;
    // @ts-expect-error: no such field in the persona layout (a renamed or removed field)
    void p!.record.aantalBurgers;
    // @ts-expect-error: a field of another layout
    void p!.record.wachttijd;
    expect([aantal, toelichting, mustBeText]).toEqual([12, null, null]);
  });

  it('read refused rows as far as they could be read: every field may be null', () => {
    for (const { record } of rowsOf(result, kandidatuurLayout)) {
      // @ts-expect-error: a refused row's required field may be null too
      const title: string = record.titel;
      void title;
    }
    expect(rowsOf(result, kandidatuurLayout)).toEqual([]);
  });
});
