// HTML built from templates whose every interpolated value is escaped, unless it is markup this
// module made (Html): a partner's name or a project title can never become markup.

export class Html {
  constructor(readonly text: string) {}
}

type Value = string | number | Html | readonly Html[];

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const part = (v: Value): string =>
  v instanceof Html
    ? v.text
    : typeof v === 'number'
      ? String(v)
      : typeof v === 'string'
        ? escapeHtml(v)
        : v.map((h) => h.text).join('');

export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  return new Html(strings.reduce((out, s, i) => out + part(values[i - 1]!) + s));
}

/** Markup made elsewhere and trusted as such (the rendered charts, the stylesheet). */
export const trusted = (text: string): Html => new Html(text);
