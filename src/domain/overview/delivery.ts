import type { Region } from '../region/schema.js';
import type { Delivery, DeliveryStatus, Duplicate, FolderDelivery } from './model.js';
import { municipalityInName, municipalityOf } from './municipality.js';
import { rowCounts } from '../validate.js';
import { resultOf } from './records.js';
import type { SourceInput } from './sources.js';
import { instantToWallClock } from '../time.js';
import { appendTo } from '../append-to.js';

// Who delivered. A municipality whose workbook is missing is "niet ingediend", never a row of
// zeros. One that sent something the overview cannot use was refused: a workbook that could not
// be read or is of no known kind (named by its file name, its contents tell nothing), or one
// whose sheets were all renamed (named by its owner). One whose workbook has no rows at all is
// "ingediend, maar leeg": its figures are unknown too, not zeros. A source folder with no file in it is said
// to be empty, unless workbooks of its kind were found elsewhere (the overview command also reads
// a flat folder). When a municipality's workbook last changed comes from the drive's listing.

export function deliveryOf(
  region: Region,
  sources: readonly SourceInput[],
  duplicates: readonly Duplicate[],
): Delivery {
  const copies = new Set(
    duplicates.filter((d) => d.reason !== 'same-records').map((d) => d.refused),
  );
  const counted = new Map<string, string[]>();
  const empty = new Map<string, string[]>();
  const refused = new Map<string, string[]>();
  for (const s of sources) {
    const result = resultOf(s);
    const m = result === null ? null : municipalityOf(region.municipalities, result);
    // A workbook without any known sheet (renamed) holds nothing the overview can read.
    if (m !== null && !copies.has(s.path)) {
      const rows = rowCounts(result?.sheets ?? []).read;
      appendTo(!result?.sheets.length ? refused : rows > 0 ? counted : empty, m, s.path);
    } else if (result?.meta == null && under(s.path, region.drive.gemeenten)) {
      const named = municipalityInName(region.municipalities, fileName(s.path));
      if (named !== null) appendTo(refused, named, s.path);
    }
  }
  const modified = new Map(sources.flatMap((s) => (s.modified ? [[s.path, s.modified]] : [])));
  return {
    municipalities: region.municipalities.map((municipality) => {
      const [status, paths] = statusOf(municipality, counted, empty, refused);
      const times = paths.flatMap((p) => modified.get(p)?.getTime() ?? []);
      const updated =
        times.length === 0
          ? null
          : instantToWallClock(new Date(Math.max(...times)), region.timeZone);
      return { municipality, status, sources: paths, updated };
    }),
    folders: folderDelivery(region, sources),
  };
}

/** The first that holds the municipality: counted, empty, refused; else missing. */
function statusOf(
  municipality: string,
  counted: Map<string, string[]>,
  empty: Map<string, string[]>,
  refused: Map<string, string[]>,
): [DeliveryStatus, string[]] {
  const found = (
    [
      ['delivered', counted],
      ['empty', empty],
      ['refused', refused],
    ] as const
  ).find(([, map]) => map.has(municipality));
  return found ? [found[0], found[1].get(municipality)!] : ['missing', []];
}

function folderDelivery(region: Region, sources: readonly SourceInput[]): FolderDelivery[] {
  const expected: [string, FolderDelivery['expects']][] = [
    [region.drive.gemeenten, 'gemeente'],
    [region.drive.aanbod, 'aanbod'],
    [region.drive.kandidaturen, 'kandidatuur'],
  ];
  return expected.map(([folder, expects]) => {
    const files = sources.filter((s) => under(s.path, folder)).length;
    const ofKind = sources.some((s) => resultOf(s)?.meta?.kind === expects);
    return { folder, expects, files, empty: files === 0 && !ofKind };
  });
}

const under = (path: string, folder: string) => path.startsWith(`${folder}/`);

const fileName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
