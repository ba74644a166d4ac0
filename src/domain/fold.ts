// How the tool compares words people typed: case, Unicode composition and spacing do not count.
// Vocabulary values, headers, municipality and partner names, e-mail subjects all go through it.

/** The text folded: NFC, lower case (nl-BE), runs of white space as one space, trimmed. */
export function foldText(s: string): string {
  return s.normalize('NFC').toLocaleLowerCase('nl-BE').replace(/\s+/g, ' ').trim();
}

/** For searching: folded, and without accents ("crèche" finds "creche", "financien" finds "financiën"). */
export function foldForSearch(s: string): string {
  return foldText(s).normalize('NFD').replace(/\p{M}/gu, '');
}

/** Whether two texts are the same word(s) for a person. */
export function sameText(a: string, b: string): boolean {
  return foldText(a) === foldText(b);
}
