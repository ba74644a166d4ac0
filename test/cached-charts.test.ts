import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readSources } from '../src/cli/read-sources.js';
import { buildOverview } from '../src/domain/overview/merge.js';
import type { Overview } from '../src/domain/overview/model.js';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import { reportCharts } from '../src/domain/report/charts.js';
import { reportHtml } from '../src/report/report-html.js';
import { ContentCache } from '../src/sync/cache.js';
import { CachedCharts, CHART_PREFIX } from '../src/sync/cached-charts.js';
import { useExampleDrives } from './helpers/example-drives.js';

// The sync keeps the report's charts as SVG in its local cache (src/sync/cached-charts.ts): a
// chart whose specification did not change is not rendered again, and the report made with the
// kept charts is byte for byte the one made by rendering them.

const rendered = vi.hoisted(() => ({ count: 0 }));
vi.mock('../src/report/render-chart.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/report/render-chart.js')>();
  return {
    ...real,
    chartSvg: (...args: Parameters<typeof real.chartSvg>) => {
      rendered.count++;
      return real.chartSvg(...args);
    },
  };
});

const drives = useExampleDrives('cached-charts-');
let stateDir: string;
let overview: Overview;

beforeAll(async () => {
  stateDir = await mkdtemp(path.join(tmpdir(), 'cached-charts-state-'));
  const read = await readSources(path.join(drives.work(), 'pristine'), leieSchelde);
  overview = buildOverview(leieSchelde, read.sources, {
    asOf: new Date(Date.UTC(2023, 5, 20)),
    gapWaitWeeks: 8,
  });
});

afterAll(async () => {
  await rm(stateDir, { recursive: true, force: true });
});

describe('CachedCharts', () => {
  it('renders each chart once, and the report from kept charts is the rendered one, byte for byte', async () => {
    const charts = reportCharts(overview);
    expect(charts.length).toBeGreaterThan(0);
    rendered.count = 0;
    const fresh = await reportHtml(leieSchelde, overview);
    expect(rendered.count).toBe(charts.length);

    const first = new CachedCharts(new ContentCache(stateDir));
    expect(await reportHtml(leieSchelde, overview, first.svgOf)).toBe(fresh);
    expect(rendered.count).toBe(2 * charts.length);
    const entries = (await readdir(path.join(stateDir, 'cache'))).filter((f) =>
      f.startsWith(CHART_PREFIX),
    );
    expect(entries).toHaveLength(charts.length);

    // A later run (a new cache object over the same folder): nothing rendered, the same bytes.
    const later = new CachedCharts(new ContentCache(stateDir));
    expect(await reportHtml(leieSchelde, overview, later.svgOf)).toBe(fresh);
    expect(rendered.count).toBe(2 * charts.length);
    expect(later.used.size).toBe(charts.length);
  });

  it('renders again a chart whose data changed, and only that one', async () => {
    const changed = structuredClone(overview);
    // One more gap in a municipality: the gap chart changes, the others do not.
    const area = changed.municipalities.find((a) => a.gaps !== null)!;
    area.gaps! += 1;
    const before = reportCharts(overview);
    const after = reportCharts(changed);
    const differing = after.filter((c, i) => JSON.stringify(c) !== JSON.stringify(before[i]));
    expect(differing.length).toBeGreaterThan(0);
    expect(differing.length).toBeLessThan(after.length);
    rendered.count = 0;
    const cached = new CachedCharts(new ContentCache(stateDir));
    const page = await reportHtml(leieSchelde, changed, cached.svgOf);
    expect(rendered.count).toBe(differing.length);
    expect(page).toBe(await reportHtml(leieSchelde, changed));
  });
});
