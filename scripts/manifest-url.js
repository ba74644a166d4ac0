// The manifest names the dev server (https://localhost:3000); a production build names where the
// pane is hosted instead. Used by the Vite build and by the manifest test.

export const DEV_BASE_URL = 'https://localhost:3000';

/** The base URL from ADDIN_BASE_URL: https only, without a trailing slash. */
export function baseUrlFrom(value) {
  if (value === undefined || value === '') return DEV_BASE_URL;
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`ADDIN_BASE_URL is geen geldige URL: ${value}`);
  }
  if (url.protocol !== 'https:') {
    throw new Error(
      `ADDIN_BASE_URL moet met https:// beginnen (Office laadt niets anders): ${value}`,
    );
  }
  if (url.search !== '' || url.hash !== '') {
    throw new Error(`ADDIN_BASE_URL mag geen ? of # bevatten: ${value}`);
  }
  return url.href.replace(/\/+$/, '');
}

/** The manifest with every dev-server URL pointing at `baseUrl`. */
export function manifestFor(xml, baseUrl) {
  return xml.replaceAll(DEV_BASE_URL, baseUrl);
}
