import type { Server } from 'node:http';
export const CHROMIUM: string;
export const CHROMIUM_ARGS: string[];
export function serveStatic(dir: string): Promise<{ url: string; server: Server }>;
