import { personaLayout } from '../../src/domain/layouts.js';
import { leieSchelde } from '../../src/domain/region/leie-schelde.js';
import type { RowInput } from '../../src/domain/rows.js';
import { vocabulariesOf } from '../../src/domain/vocabularies.js';

// Records for the pane's tests (Node and the office-mode page alike): persona P0i with the first
// value of every list, and a need of hers.

const lists = vocabulariesOf(leieSchelde);

export function persona(i: number): RowInput {
  const choices = Object.fromEntries(
    Object.entries(personaLayout.columns).flatMap(([field, c]) =>
      c.vocabulary === null ? [] : [[field, lists[c.vocabulary][0]!]],
    ),
  );
  const texts = { krachten: 'kan goed koken', doelen: 'werk vinden', aantal: 12 };
  return { ...choices, ...texts, id: `P0${i}`, naam: `Persona ${i}` };
}

export const need = (i: number): RowInput => ({
  persona: `P0${i}`,
  probleemgebied: lists.probleemgebied[0]!,
  ernst: lists.ernst[0]!,
  omschrijving: `nood van ${i}`,
});
