// The names a region's drive gives the partners' workbooks, the same whoever saves them (the
// example drive, partnerschap intake): "Kandidatuur <trekker> - <titel>", "Aanbod <partner>",
// made safe for every file system and, where a name is taken, numbered.

/** A file name part without characters that Windows, macOS or a sync client refuse. */
export function fileNamePart(s: string): string {
  return s
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
}

/** A candidacy's name without extension: "Kandidatuur <lead partner> - <title>". */
export const candidacyFileName = (trekker: string, titel: string): string =>
  `Kandidatuur ${fileNamePart(trekker)} - ${fileNamePart(titel)}`;

/** An offer workbook's name without extension: "Aanbod <partner>". */
export const offerFileName = (partner: string): string => `Aanbod ${fileNamePart(partner)}`;

/**
 * The first of `variant(1)`, `variant(2)`, … that is not in `taken` (case-insensitively), which
 * it then joins. `variant(1)` is the name as it is.
 */
export function firstFree(taken: Set<string>, variant: (i: number) => string): string {
  let name = variant(1);
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = variant(i);
  taken.add(name.toLowerCase());
  return name;
}

/** "base.xlsx", or "base 2.xlsx", "base 3.xlsx", … when taken. */
export const uniqueWorkbookPath = (base: string, taken: Set<string>): string =>
  firstFree(taken, (i) => (i === 1 ? `${base}.xlsx` : `${base} ${i}.xlsx`));

/** The steering-group report beside the overview: its name with .html for .xlsx. */
export const reportFileName = (overviewName: string): string =>
  overviewName.replace(/\.xlsx$/i, '.html');
