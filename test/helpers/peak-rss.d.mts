// Types of peak-rss.mjs (plain JS so the bench scripts can use it too).

export function peakRssMb(file: string): number;
