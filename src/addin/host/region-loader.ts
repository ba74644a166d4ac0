/// <reference lib="dom" />
import { t } from '../../domain/messages.js';
import type { RegionLoader } from '../../domain/region/workbook-region.js';

/**
 * Loads regions/<id>.json from where the add-in's pages are served: null when the host has no
 * such file (404); a host that cannot be reached is an error, not an unknown region.
 */
export function regionLoader(pageUrl: string): RegionLoader {
  return async (id) => {
    const url = new URL(`regions/${encodeURIComponent(id)}.json`, pageUrl);
    const res = await fetch(url).catch(() => {
      throw new Error(t('region.load-failed', { id }));
    });
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(t('region.load-failed', { id }));
    return res.json().catch(() => {
      throw new Error(t('region.load-failed', { id }));
    });
  };
}
