// V8 makes a substring of 13 characters or more a view into its parent string (a sliced string),
// and both saxes and a regular expression's match hand out texts as such views of the whole part.
// A shared string kept in a record would keep the whole shared-strings part alive: 28 MB of the
// 49 MB left after reading the example at --scale 40, in a heap snapshot. Prepending a character
// and slicing it off again makes V8 copy the text into a string of its own (the concatenation is
// flattened first).
const SLICE_MIN_LENGTH = 13;

/** The text as a string of its own, holding no larger string alive. */
export const ownString = (t: string): string =>
  t.length < SLICE_MIN_LENGTH ? t : ` ${t}`.slice(1);
