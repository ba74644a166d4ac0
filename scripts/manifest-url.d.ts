export const DEV_BASE_URL: string;
export function baseUrlFrom(value: string | undefined): string;
export function manifestFor(xml: string, baseUrl: string): string;
