import { t } from '../messages.js';
import type { Region } from '../region/schema.js';
import { formatDate } from '../time.js';
import { HSDS_TABLES } from './tables.js';

// datapackage.json of the export: a Frictionless Tabular Data Package, as HSDS's tabular format
// asks, with every CSV file as a resource, its fields typed and its keys declared, so a directory
// (or any Frictionless tool) can load the files without guessing.

export function hsdsDataPackage(region: Region, asOf: Date): object {
  return {
    profile: 'tabular-data-package',
    name: `partnerschap-${region.id}-aanbod`,
    title: t('hsds.package-title', { region: region.name }),
    description: t('hsds.package-description', { date: formatDate(asOf) }),
    resources: HSDS_TABLES.map((table) => ({
      name: table.name,
      path: table.path,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      schema: {
        fields: table.fields.map((f) => ({ ...f })),
        primaryKey: ['id'],
        foreignKeys: Object.entries(table.references).map(([field, resource]) => ({
          fields: [field],
          reference: { resource, fields: ['id'] },
        })),
      },
    })),
  };
}
