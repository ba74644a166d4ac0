import { readFileSync } from 'node:fs';

/**
 * The peak memory in MB of a CLI run measured with maxrss-preload.mjs: the sum of its processes'
 * peaks (the CLI and the child it starts for overview and sync run at the same time). An upper
 * bound: the pages of the node binary both processes use are counted twice (~40 MB).
 */
export function peakRssMb(file) {
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  return lines.reduce((sum, kb) => sum + Number(kb), 0) / 1024;
}
