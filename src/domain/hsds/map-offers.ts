import { foldText } from '../fold.js';
import { aanbodLayout, type Aanbod } from '../layouts.js';
import { t } from '../messages.js';
import { isActiveOn } from '../overview/active.js';
import type { SourcedRecord } from '../overview/model.js';
import { dutchNumber } from '../overview/records.js';
import type { Region } from '../region/schema.js';
import { vocabulariesOf, WHOLE_REGION, type VocabularyId } from '../vocabularies.js';
import { HSDS_TABLES, type HsdsRow, type HsdsTables } from './tables.js';

// The offer inventory as Open Referral HSDS 3.0 records: a partner is an organization, an offer a
// service with its service areas (the municipalities it names), languages, contact and phone;
// the region's lists an offer is classified by (problem areas, service types, target groups,
// ways of working) are taxonomies, each offer linked to its terms by attributes. Values stay as
// typed, in Dutch. Only the offers valid on the day asked for are exported: a social map shows
// what a citizen can go to, and HSDS has no place for an offer's period of validity.
//
// Ids are UUIDs made by the caller from a stable name (idOf), so exporting the same inventory
// again gives the same ids and a directory that imports it updates its records in place.

export interface HsdsExport {
  tables: HsdsTables;
  /** Offers exported. */
  services: number;
  /** Offers not valid on the day, left out. */
  inactive: number;
  /** Later rows of an offer (partner and name) already exported from the same file: left out. */
  doubles: SourcedRecord<Aanbod>[];
}

export interface HsdsOptions {
  /** The wall-clock day (UTC fields) on which an offer must be valid to be exported. */
  asOf: Date;
  /** A UUID for a stable name: the same name, the same UUID (UUID v5). */
  idOf: (name: string) => string;
}

/** "Tolk mogelijk" in the language list: an interpreter, not a language the offer speaks. */
const INTERPRETER = 'Tolk mogelijk';

/** ISO 639-1 codes (639-3 where there is none) of the region's language list. */
const LANGUAGE_CODES: Record<string, string> = {
  nederlands: 'nl',
  frans: 'fr',
  engels: 'en',
  arabisch: 'ar',
  turks: 'tr',
  pools: 'pl',
  roemeens: 'ro',
  bulgaars: 'bg',
  russisch: 'ru',
  oekraïens: 'uk',
  dari: 'prs',
  pasjtoe: 'ps',
  tigrinya: 'ti',
  somalisch: 'so',
};

/** The offer fields whose values are terms of one of the region's lists: one taxonomy each. */
const CLASSIFIED = ['probleemgebieden', 'dienstverlening', 'doelgroepen', 'werkwijze'] as const;

type Classified = (typeof CLASSIFIED)[number];

interface Term {
  id: string;
  code: string | null;
  name: string;
  description: string;
}

type Taxonomies = Map<Classified, Map<string, Term>>;

/** The UUID of a record of a table, by its key. */
type IdOf = (table: string, ...key: string[]) => string;

export function hsdsFromOffers(
  region: Region,
  offers: readonly SourcedRecord<Aanbod>[],
  o: HsdsOptions,
): HsdsExport {
  const idOf: IdOf = (table, ...key) => o.idOf([region.id, table, ...key.map(foldText)].join('/'));
  const tables = Object.fromEntries(
    HSDS_TABLES.map((x) => [x.name, [] as HsdsRow[]]),
  ) as HsdsTables;
  const active = offers.filter((s) => isActiveOn(s.record, o.asOf));
  const taxonomies = taxonomiesOf(region, active, tables, idOf);
  const organizations = new Set<string>();
  const services = new Set<string>();
  const doubles: SourcedRecord<Aanbod>[] = [];
  for (const sourced of active) {
    const offer = sourced.record;
    const serviceId = idOf('service', offer.partner, offer.naam);
    if (services.has(serviceId)) {
      doubles.push(sourced);
      continue;
    }
    services.add(serviceId);
    const organizationId = idOf('organization', offer.partner);
    if (!organizations.has(organizationId)) {
      organizations.add(organizationId);
      tables.organization.push({
        id: organizationId,
        name: offer.partner,
        description: t('hsds.organization-description', { region: region.name }),
      });
    }
    tables.service.push(serviceRow(offer, serviceId, organizationId));
    addServiceDetails(region, offer, serviceId, tables, idOf);
    tables.attribute.push(...attributeRows(offer, serviceId, taxonomies, idOf));
  }
  return { tables, services: services.size, inactive: offers.length - active.length, doubles };
}

/** The offer linked to each term it names. */
function attributeRows(
  offer: Aanbod,
  serviceId: string,
  taxonomies: Taxonomies,
  idOf: IdOf,
): HsdsRow[] {
  return CLASSIFIED.flatMap((field) =>
    (offer[field] ?? []).map((value) => ({
      id: idOf('attribute', offer.partner, offer.naam, field, value),
      link_id: serviceId,
      // Every value an offer uses is a term (taxonomiesOf).
      taxonomy_term_id: (taxonomies.get(field)?.get(foldText(value)) as Term).id,
      link_entity: 'service',
    })),
  );
}

function serviceRow(offer: Aanbod, id: string, organizationId: string): HsdsRow {
  return {
    id,
    organization_id: organizationId,
    name: offer.naam,
    description: offer.omschrijving,
    email: offer.email,
    status: 'active',
    interpretation_services: offer.talen.some((l) => l === INTERPRETER) ? INTERPRETER : null,
    fees_description: offer.kost,
    eligibility_description: offer.voorwaarden,
    wait_time: waitText(offer.wachttijd),
    assured_date: isoDate(offer.bijgewerkt),
  };
}

/** Where, in which languages and through whom an offer is given. */
function addServiceDetails(
  region: Region,
  offer: Aanbod,
  serviceId: string,
  tables: HsdsTables,
  idOf: IdOf,
): void {
  const key = [offer.partner, offer.naam];
  for (const area of offer.gemeenten) {
    tables.service_area.push({
      id: idOf('service_area', ...key, area),
      service_id: serviceId,
      name: area,
      description:
        area === WHOLE_REGION
          ? t('hsds.area-region', {
              region: region.name,
              municipalities: region.municipalities.join(', '),
            })
          : null,
    });
  }
  for (const language of offer.talen.filter((l) => l !== INTERPRETER)) {
    tables.language.push({
      id: idOf('language', ...key, language),
      service_id: serviceId,
      name: language,
      code: LANGUAGE_CODES[foldText(language)] ?? null,
    });
  }
  const contactId = idOf('contact', ...key);
  tables.contact.push({
    id: contactId,
    service_id: serviceId,
    name: offer.contact,
    email: offer.email,
  });
  if (offer.telefoon !== null) {
    tables.phone.push({
      id: idOf('phone', ...key),
      service_id: serviceId,
      contact_id: contactId,
      number: offer.telefoon,
    });
  }
}

/**
 * The region's lists as taxonomies, every term of each (a directory can offer the whole list as
 * a filter), and any value an offer uses that the list no longer has. Problem areas keep the
 * region's id as code and its description.
 */
function taxonomiesOf(
  region: Region,
  offers: readonly SourcedRecord<Aanbod>[],
  tables: HsdsTables,
  idOf: IdOf,
): Taxonomies {
  const vocabularies = vocabulariesOf(region);
  const out: Taxonomies = new Map();
  for (const field of CLASSIFIED) {
    const { header: list, vocabulary } = aanbodLayout.columns[field];
    const taxonomyId = idOf('taxonomy', field);
    const name = t('hsds.taxonomy-name', { list, region: region.name });
    tables.taxonomy.push({
      id: taxonomyId,
      name,
      description: t('hsds.taxonomy-description', { list, region: region.name }),
    });
    const terms = new Map<string, Term>();
    const add = (code: string | null, term: string, description: string) => {
      if (terms.has(foldText(term))) return;
      const row = { id: idOf('taxonomy_term', field, term), code, name: term, description };
      terms.set(foldText(term), row);
      tables.taxonomy_term.push({
        ...row,
        taxonomy: name,
        language: 'nl',
        taxonomy_id: taxonomyId,
      });
    };
    const plain = (term: string) => add(null, term, t('hsds.term-description', { list, term }));
    if (field === 'probleemgebieden') {
      for (const area of region.problemAreas) {
        add(area.id, area.label, area.description.trim() || area.label);
      }
    } else vocabularies[vocabulary as VocabularyId].forEach(plain);
    offers.forEach((s) => (s.record[field] ?? []).forEach(plain));
    out.set(field, terms);
  }
  return out;
}

function waitText(weeks: number): string {
  if (weeks === 0) return t('hsds.wait-none');
  return t('hsds.wait-weeks', { weeks: weeks === 1 ? 1 : dutchNumber(weeks) });
}

/** A wall-clock date (UTC fields) as YYYY-MM-DD. */
function isoDate(day: Date): string {
  return day.toISOString().slice(0, 10);
}
