import { describe, expect, it } from 'vitest';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import type { Region } from '../src/domain/region/schema.js';
import { checkSetUpRegion, regionOfWorkbook } from '../src/domain/region/workbook-region.js';
import { validateWorkbook } from '../src/domain/validate.js';
import { buildWorkbook } from '../src/workbook/xlsx/build-workbook.js';
import { readWorkbookBytes } from '../src/workbook/xlsx/read-workbook.js';
import { workbookBytes } from '../src/workbook/xlsx/write-templates.js';

// A second region end to end: a gemeente workbook made for Noorderkempen carries its region in
// _meta; checked against Leie & Schelde's vocabulary it would be full of false errors, so the
// add-in loads the region the workbook names, or refuses to check it.

const noorderkempen: Region = {
  ...leieSchelde,
  id: 'noorderkempen',
  name: 'Noorderkempen',
  municipalities: ['Hoogstraten', 'Merksplas', 'Rijkevorsel'],
  problemAreas: leieSchelde.problemAreas.map((a) => ({ ...a, label: `${a.label} (NK)` })),
};

async function noorderkempenWorkbook() {
  const wb = buildWorkbook({
    kind: 'gemeente',
    region: noorderkempen,
    owner: 'Merksplas',
    rows: {
      persona: [
        {
          id: 'P01',
          naam: 'Persona een',
          aantal: 5,
        },
      ],
      nood: [{ persona: 'P01', probleemgebied: noorderkempen.problemAreas[0]!.label }],
    } as never,
  });
  const read = await readWorkbookBytes(await workbookBytes(wb), 'Gemeente Merksplas.xlsx');
  if (!read.ok) throw new Error('not read');
  return read.workbook;
}

const loadFrom =
  (regions: Record<string, unknown>) =>
  async (id: string): Promise<unknown> =>
    regions[id] ?? null;

describe('the region travels with the workbook', () => {
  it('checks a Noorderkempen workbook against Noorderkempen, loaded by the id in its _meta', async () => {
    const wb = await noorderkempenWorkbook();
    expect(wb.meta?.get('region')).toBe('noorderkempen');
    const choice = await regionOfWorkbook(
      wb.meta,
      leieSchelde,
      loadFrom({ noorderkempen: JSON.parse(JSON.stringify(noorderkempen)) }),
    );
    if (!choice.ok) throw new Error(choice.message);
    expect(choice.region.id).toBe('noorderkempen');
    const right = validateWorkbook(wb, choice.region).issues.filter((i) => i.severity === 'error');
    const wrong = validateWorkbook(wb, leieSchelde).issues.filter((i) => i.severity === 'error');
    // Its own problem area is no problem area of Leie & Schelde: a false error there only.
    const listed = (issues: typeof right) =>
      issues.filter((i) => i.code.startsWith('not-in-list')).map((i) => i.field);
    expect(listed(right)).toEqual([]);
    expect(listed(wrong)).toEqual(['probleemgebied']);
  });

  it('refuses an unknown region, a definition with errors and one of another id', async () => {
    const wb = await noorderkempenWorkbook();
    const unknown = await regionOfWorkbook(wb.meta, leieSchelde, loadFrom({}));
    expect(unknown).toMatchObject({ ok: false, id: 'noorderkempen', known: false });
    const broken = await regionOfWorkbook(
      wb.meta,
      leieSchelde,
      loadFrom({ noorderkempen: { id: 'noorderkempen' } }),
    );
    expect(broken).toMatchObject({ ok: false, known: true });
    const other = await regionOfWorkbook(
      wb.meta,
      leieSchelde,
      loadFrom({ noorderkempen: JSON.parse(JSON.stringify(leieSchelde)) }),
    );
    expect(other).toMatchObject({ ok: false, known: true });
    if (!other.ok) expect(other.message).toContain('"leie-schelde"');
  });

  it('uses the built-in region for its own workbooks and for workbooks that name none', async () => {
    const load = async () => {
      throw new Error('not loaded');
    };
    expect(await regionOfWorkbook(null, leieSchelde, load)).toMatchObject({ ok: true });
    const own = new Map([['region', 'leie-schelde']]);
    expect(await regionOfWorkbook(own, leieSchelde, load)).toMatchObject({ ok: true });
  });

  it('never sets up a workbook of one region with another', async () => {
    const wb = await noorderkempenWorkbook();
    expect(() => checkSetUpRegion(wb.meta, leieSchelde)).toThrow(
      'Deze werkmap hoort bij de regio "noorderkempen", niet bij Leie & Schelde.',
    );
    expect(() => checkSetUpRegion(wb.meta, noorderkempen)).not.toThrow();
    expect(() => checkSetUpRegion(null, leieSchelde)).not.toThrow();
  });
});
