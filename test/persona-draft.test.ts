import { describe, expect, it } from 'vitest';
import { OfficeHost } from '../src/addin/host/office-host.js';
import { noodLayout, personaLayout } from '../src/domain/layouts.js';
import { storedNeeds, storedPersonas } from '../src/domain/pane/form-prefill.js';
import { formRows } from '../src/domain/pane/layout-form.js';
import {
  blankDraft,
  draftOf,
  draftWrites,
  followDraft,
  idTakenBy,
  typeNeed,
  typePersona,
  type Draft,
} from '../src/domain/pane/persona-draft.js';
import { writeOnce } from '../src/domain/pane/write-once.js';
import { leieSchelde as region } from '../src/domain/region/leie-schelde.js';
import type { WorkbookHost } from '../src/domain/workbook-host.js';
import { vocabulariesOf } from '../src/domain/vocabularies.js';
import { fakeExcel, type FakeExcel } from './helpers/excel-fake.mjs';
import { need, persona } from './helpers/pane-records.js';

// The persona form against a workbook that changes under it (review of issue 11): what the user
// typed is kept, the rest follows the workbook, a save writes only what the user changed, finds
// its rows again after a refusal, and a new persona never overwrites another.

const lists = vocabulariesOf(region);

/** Two personas with one need each, in the fake Excel behind the Office.js host. */
async function twoPersonas(): Promise<{ fake: FakeExcel; host: OfficeHost }> {
  const fake = fakeExcel();
  fake.addSheet('Blad1');
  const host = new OfficeHost({ run: (batch) => batch(fake.context), timeoutMs: 5_000 });
  await host.setUp('gemeente', region, 'Gavere');
  await host.writeRecords([
    { layout: personaLayout, append: [persona(1), persona(2)] },
    { layout: noodLayout, append: [need(1), need(2)] },
  ]);
  return { fake, host };
}

async function reading(host: WorkbookHost) {
  const wb = await host.read();
  return { personas: storedPersonas(wb), needs: storedNeeds(wb) };
}

/** The pane's save: the draft's rows, written by key. */
async function save(host: WorkbookHost, draft: Draft): Promise<void> {
  const rows = formRows(
    draft.persona,
    draft.needs.map((n) => n.values),
    region,
  );
  if (!rows.ok) throw new Error(JSON.stringify(rows.problems));
  await writeOnce(host, draftWrites(draft, rows));
}

const column = (field: string) =>
  String.fromCharCode(65 + Object.keys(personaLayout.columns).indexOf(field));
const cell = (fake: FakeExcel, field: string, row: number) =>
  fake.cell("Persona's", `${column(field)}${row}`)?.value;

describe('the persona form over a workbook that changes under it', () => {
  it("keeps a co-author's edit of another field: the save writes only what the user changed", async () => {
    const { fake, host } = await twoPersonas();
    const read = await reading(host);
    let draft = typePersona(draftOf(read.personas[0]!), 'doelen', 'Mijn doel');
    await fake.byHand.edit('Personas', 'B2', 'Naam door collega');
    // Saved before the pane read the change, and again after following it: both keep it.
    await save(host, draft);
    expect([cell(fake, 'naam', 2), cell(fake, 'doelen', 2)]).toEqual([
      'Naam door collega',
      'Mijn doel',
    ]);
    const now = await reading(host);
    draft = followDraft(draft, now.personas, now.needs, read.personas);
    expect(draft.persona).toMatchObject({ naam: 'Naam door collega', doelen: 'Mijn doel' });
  });

  it('after a refusal, finds the need a co-author edited, so trying again succeeds', async () => {
    const { fake, host } = await twoPersonas();
    const read = await reading(host);
    let draft = typeNeed(draftOf(read.personas[1]!), 0, 'ernst', lists.ernst[2]!);
    draft = typePersona(draft, 'doelen', 'Doel P02 getypt');
    // The edit arrives after the pane's read (no change event seen yet).
    fake
      .table('Noden')!
      .sheet.cells.set('2,5', { value: 'collega wijzigde nood P02', format: '@', formula: false });
    await expect(save(host, draft)).rejects.toThrow(/Geen rij van de tabel "Noden"/);
    const now = await reading(host);
    draft = followDraft(draft, now.personas, now.needs, read.personas);
    expect(draft.persona.doelen).toBe('Doel P02 getypt');
    expect(draft.needs[0]!.values).toMatchObject({
      ernst: lists.ernst[2],
      omschrijving: 'collega wijzigde nood P02',
    });
    await save(host, draft);
    const after = (await reading(host)).needs.filter((n) => n.values.persona === 'P02');
    expect(after.map((n) => [n.values.ernst, n.values.omschrijving])).toEqual([
      [lists.ernst[2], 'collega wijzigde nood P02'],
    ]);
    expect(cell(fake, 'doelen', 3)).toBe('Doel P02 getypt');
  });

  it('follows a Persona-ID changed by hand, and its needs follow too', async () => {
    const { fake, host } = await twoPersonas();
    const read = await reading(host);
    let draft = typePersona(draftOf(read.personas[0]!), 'doelen', 'J getypt');
    await fake.byHand.edit('Personas', 'A2', 'P09');
    const now = await reading(host);
    draft = followDraft(draft, now.personas, now.needs, read.personas);
    expect([draft.stored?.id, draft.persona.id, draft.gone]).toEqual(['P09', 'P09', null]);
    await save(host, draft);
    const after = await reading(host);
    expect(after.personas.map((p) => p.id)).toEqual(['P09', 'P02']);
    expect(after.personas[0]!.values.doelen).toBe('J getypt');
    expect(after.personas[0]!.needs.map((n) => n.values.omschrijving)).toEqual(['nood van 1']);
  });

  it('says a deleted persona is gone, keeps what was typed and saves it anew', async () => {
    const { fake, host } = await twoPersonas();
    const read = await reading(host);
    let draft = typePersona(draftOf(read.personas[0]!), 'doelen', 'Getypt');
    await fake.byHand.deleteRow('Personas', 0);
    const now = await reading(host);
    draft = followDraft(draft, now.personas, now.needs, read.personas);
    expect([draft.stored, draft.gone, draft.persona.doelen]).toEqual([null, 'P01', 'Getypt']);
    await save(host, draft);
    const after = await reading(host);
    expect(after.personas.map((p) => p.id)).toEqual(['P02', 'P01']);
    // Its need was still there: it is the same row, not a second one.
    expect(after.needs.map((n) => n.values.persona)).toEqual(['P01', 'P02']);
  });

  it('never lets a new persona take an existing ID, compared as the hosts compare', async () => {
    const { host } = await twoPersonas();
    const { personas } = await reading(host);
    const typed = typePersona(blankDraft(['P01', 'P02']), 'id', 'p01 ');
    expect(idTakenBy(typed, personas, null)?.id).toBe('P01');
    // The form's own save, landed before a timeout was reported: no conflict, nothing written.
    const retry = { ...typed, persona: { ...personas[0]!.values, id: 'p01 ' } };
    const rows = formRows(retry.persona, [], region);
    if (!rows.ok) throw new Error('invalid');
    expect(idTakenBy(retry, personas, rows.persona)).toBeUndefined();
  });

  it('recognises a save that landed although Excel reported a timeout', async () => {
    const { fake, host } = await twoPersonas();
    const typed = Object.entries(persona(3)).reduce(
      (d, [field, value]) => typePersona(d, field, String(value)),
      blankDraft(['P01', 'P02']),
    );
    const ernst = typeNeed(
      typeNeed(typed, 0, 'probleemgebied', lists.probleemgebied[1]!),
      0,
      'ernst',
      lists.ernst[1]!,
    );
    const sync = fake.context.sync.bind(fake.context);
    let syncs = 0;
    fake.context.sync = (async () => {
      await sync();
      // The write's own sync (the second) lands, then "times out".
      if (++syncs === 2) throw new Error('Excel antwoordt niet');
    }) as typeof sync;
    await save(host, ernst);
    fake.context.sync = sync;
    // The same save again (the user retrying): nothing more is written.
    await save(host, ernst);
    const after = await reading(host);
    expect(after.personas.map((p) => p.id)).toEqual(['P01', 'P02', 'P03']);
    expect(after.needs.map((n) => n.values.persona)).toEqual(['P01', 'P02', 'P03']);
    // A write that did not land keeps its error.
    fake.context.sync = (async () => {
      throw new Error('Excel antwoordt niet');
    }) as typeof sync;
    await expect(save(host, typePersona(ernst, 'id', 'P04'))).rejects.toThrow(
      'Excel antwoordt niet',
    );
  });
});
