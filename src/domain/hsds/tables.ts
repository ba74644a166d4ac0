// The HSDS 3.0 tables the export writes, in the tabular (CSV + datapackage.json) format: each
// with its file name and the fields it fills, in the column order of the file. Names and types
// are HSDS's own (vendor/hsds/tabular.json; the tests check every field against it). Tables the
// offer inventory has no data for are not written: location and service_at_location (an offer
// names municipalities, never an address), schedule (no opening hours), program, funding.

export type FieldType = 'string' | 'date';

export interface HsdsField {
  name: string;
  /** The Table Schema type in datapackage.json: HSDS's datapackage_type, else its JSON type. */
  type: FieldType;
  format?: 'uuid' | 'email';
}

export interface HsdsTable {
  /** HSDS's table name (organization, service …). */
  name: string;
  /** The CSV file, as HSDS names it. */
  path: string;
  fields: HsdsField[];
  /** Foreign keys: this table's field → the referenced table's id. */
  references: Record<string, string>;
}

const id: HsdsField = { name: 'id', type: 'string', format: 'uuid' };
const text = (name: string): HsdsField => ({ name, type: 'string' });

function table<const N extends string>(
  name: N,
  path: string,
  fields: HsdsField[],
  references: Record<string, string> = {},
): HsdsTable & { name: N } {
  return { name, path, fields: [id, ...fields], references };
}

export const HSDS_TABLES = [
  table('organization', 'organizations.csv', [text('name'), text('description')]),
  table(
    'service',
    'services.csv',
    [
      text('organization_id'),
      text('name'),
      text('description'),
      { name: 'email', type: 'string', format: 'email' },
      text('status'),
      text('interpretation_services'),
      text('fees_description'),
      text('eligibility_description'),
      text('wait_time'),
      { name: 'assured_date', type: 'date' },
    ],
    { organization_id: 'organization' },
  ),
  table(
    'service_area',
    'service_areas.csv',
    [text('service_id'), text('name'), text('description')],
    {
      service_id: 'service',
    },
  ),
  table('language', 'languages.csv', [text('service_id'), text('name'), text('code')], {
    service_id: 'service',
  }),
  table(
    'contact',
    'contacts.csv',
    [text('service_id'), text('name'), { name: 'email', type: 'string', format: 'email' }],
    { service_id: 'service' },
  ),
  table('phone', 'phones.csv', [text('service_id'), text('contact_id'), text('number')], {
    service_id: 'service',
    contact_id: 'contact',
  }),
  table('taxonomy', 'taxonomies.csv', [text('name'), text('description')]),
  table(
    'taxonomy_term',
    'taxonomy_terms.csv',
    [
      text('code'),
      text('name'),
      text('description'),
      text('taxonomy'),
      text('language'),
      text('taxonomy_id'),
    ],
    { taxonomy_id: 'taxonomy' },
  ),
  table(
    'attribute',
    'attributes.csv',
    [text('link_id'), text('taxonomy_term_id'), text('link_entity')],
    { link_id: 'service', taxonomy_term_id: 'taxonomy_term' },
  ),
];

export type HsdsTableName = (typeof HSDS_TABLES)[number]['name'];

/** A row: the table's fields, null where the offer has no value (an empty CSV cell). */
export type HsdsRow = Record<string, string | null>;

export type HsdsTables = Record<HsdsTableName, HsdsRow[]>;
