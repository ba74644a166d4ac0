import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// The vendored HSDS 3.0 tabular schema (vendor/hsds/tabular.json) as validators, and an RFC 4180
// reader to take the exported CSV files back into rows typed as the schema types them.

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

interface Property {
  type: string;
  format?: string;
  datapackage_type?: string;
  constraints?: { unique?: boolean };
}

export interface TableSchema {
  path: string;
  properties: Record<string, Property>;
}

const tabular = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '../../vendor/hsds/tabular.json'), 'utf8'),
) as { properties: Record<string, { items: TableSchema }> };

export const hsdsTables: Record<string, TableSchema> = Object.fromEntries(
  Object.entries(tabular.properties).map(([name, table]) => [name, table.items]),
);

/**
 * One validator per HSDS table. The tables refer to each other by file name ("phone.json"), so
 * each table's schema is added under that name; HSDS's own keywords are annotations, except
 * tabular_required: the fields a row of the CSV form must have.
 */
export function hsdsValidators(): Record<string, ValidateFunction> {
  const ajv = new Ajv({ allErrors: true });
  addFormats(ajv);
  ajv.addVocabulary(['name', 'path', 'datapackage_metadata', 'constraints', 'example', 'core']);
  ajv.addVocabulary(['datapackage_type']);
  ajv.addKeyword({
    keyword: 'tabular_required',
    type: 'object',
    schemaType: 'array',
    validate: (fields: string[], row: Record<string, unknown>) =>
      fields.every((f) => row[f] !== undefined),
  });
  // Frictionless's year pattern on organization.year_incorporated (a number).
  ajv.addFormat('%Y', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  for (const [name, table] of Object.entries(hsdsTables)) ajv.addSchema(table, `${name}.json`);
  return Object.fromEntries(
    Object.keys(hsdsTables).map((name) => [
      name,
      ajv.getSchema(`${name}.json`) as ValidateFunction,
    ]),
  );
}

/** The records of an RFC 4180 text: CRLF between records, quoted fields with "" for ". */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      const end = closingQuote(text, i + 1);
      field += text.slice(i + 1, end).replace(/""/g, '"');
      i = end + 1;
    } else if (text.startsWith('\r\n', i)) {
      records.push([...record, field]);
      record = [];
      field = '';
      i += 2;
    } else if (text[i] === ',') {
      record.push(field);
      field = '';
      i++;
    } else {
      if (text[i] === '\n' || text[i] === '\r') throw new Error(`bare line break at ${i}`);
      field += text[i];
      i++;
    }
  }
  if (field !== '' || record.length > 0) throw new Error('the last record has no CRLF');
  return records;
}

function closingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] !== '"') continue;
    if (text[i + 1] === '"') i++;
    else return i;
  }
  throw new Error('unclosed quote');
}

/** CSV rows as objects: an empty cell is an absent value, a number field a number. */
export function typedRows(table: TableSchema, records: string[][]): Record<string, unknown>[] {
  const [header = [], ...rows] = records;
  return rows.map((cells) =>
    Object.fromEntries(
      header.flatMap((name, i) => {
        const cell = cells[i] ?? '';
        if (cell === '') return [];
        return [[name, table.properties[name]?.type === 'number' ? Number(cell) : cell]];
      }),
    ),
  );
}
