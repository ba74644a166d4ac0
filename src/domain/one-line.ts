// Text that goes where one line is expected (a line of the reminder digest, a mail's Subject): a
// line break typed in a title (Alt+Enter in Excel) would start a new line, or a new mail header.

/** Every line break (CR, LF, vertical tab, form feed, NEL, U+2028, U+2029) with the spaces around it, as one space. */
const BREAKS = /[ \t]*[\r\n\v\f\u0085\u2028\u2029]+[ \t]*/g;

export function oneLine(text: string): string {
  return text.replace(BREAKS, ' ');
}
