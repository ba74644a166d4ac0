// The report's one stylesheet, inline in the page (self-contained): readable on screen, and on
// A4 landscape in print, where each block stays whole on a page and table headers repeat.

export const STYLE = `
:root { color: #1a1a1a; background: #fff; font: 15px/1.45 "Segoe UI", Arial, sans-serif; }
body { margin: 0 auto; max-width: 1180px; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .4rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; border-bottom: 2px solid #2f6690; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
p { margin: .3rem 0; max-width: 75em; }
.warning { border-left: 4px solid #a50f15; padding-left: .6rem; }
table { border-collapse: collapse; margin: .4rem 0 1rem; }
th, td { border: 1px solid #9a9a9a; padding: .25rem .5rem; vertical-align: top; }
thead th { background: #e4ecf3; text-align: left; }
tbody th, tfoot th { text-align: left; font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
tfoot th, tfoot td { font-weight: bold; border-top: 3px double #1a1a1a; }
.call > div:first-child { flex: 1 1 22rem; }
.pair { display: flex; flex-wrap: wrap; gap: 0 2.5rem; align-items: flex-start; }
.call .next { font-size: 1.1rem; font-weight: 600; }
.heat { font-size: .78rem; width: 100%; table-layout: fixed; }
.heat th:first-child { width: 10rem; }
.heat th, .heat td { padding: .2rem .3rem; overflow-wrap: anywhere; }
.heat td span { display: block; }
.heat .state { font-weight: 600; }
.no-offer { background: #f4b6b6; }
.long-wait { background: #fbd9a8; }
.covered { background: #d3ebd5; }
.no-demand { background: #fff; }
.not-delivered { background: #e4e4e4; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; list-style: none; padding: 0; margin: .4rem 0; }
.swatch { display: inline-block; width: 1.1em; height: 1.1em; margin-right: .35em;
  vertical-align: -.2em; border: 1px solid #6b6b6b; }
figure { margin: 1rem 0 1.5rem; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-weight: 600; font-size: 1.05rem; margin-bottom: .4rem; }
details { margin-top: .4rem; }
summary { cursor: pointer; color: #1d4f73; text-decoration: underline; }
.timeline .next td, .timeline .next th { background: #e4ecf3; font-weight: 600; }
.timeline .past { color: #4d4d4d; }
footer { margin-top: 2rem; font-size: .85rem; color: #4d4d4d; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  :root { font-size: 10pt; }
  body { max-width: none; padding: 0; }
  h2 { break-after: avoid; margin-top: 1rem; }
  figure, tr, .call, .pair > * { break-inside: avoid; }
  /* The heat map starts a page of its own, where it fits whole. */
  .coverage { break-before: page; }
  details { display: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
