import { describe, expect, it } from 'vitest';
import { formatBytes, progressFor } from '../src/sync/progress.js';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  const stream = { isTTY, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe('sync progress', () => {
  it('redraws one bar with files and bytes on a terminal', () => {
    const { stream, written } = fakeStream(true);
    const p = progressFor(stream, false);
    p.start(4);
    p.file('Gemeente Deinze.xlsx', 2 * 1024 * 1024);
    p.file('Aanbod CAW.xlsx', 512 * 1024);
    p.end();
    expect(written.at(-2)).toBe('\r[############            ] Ophalen: 2/4 bestanden, 2,5 MB');
    expect(written.every((w) => w.startsWith('\r') || w === '\n')).toBe(true);
  });

  it('wipes what is left of a longer line before it', () => {
    const { stream, written } = fakeStream(true);
    const p = progressFor(stream, false);
    p.start(2);
    p.file('a.xlsx', 1008 * 1024);
    p.file('b.xlsx', 16 * 1024);
    const [longer, shorter] = written.slice(-2);
    expect(longer).toBe('\r[############            ] Ophalen: 1/2 bestanden, 1008 kB');
    expect(shorter).toBe('\r[########################] Ophalen: 2/2 bestanden, 1,0 MB ');
  });

  it('leaves the terminal alone when it never started (the check before the child process)', () => {
    const { stream, written } = fakeStream(true);
    progressFor(stream, false).end();
    expect(written).toEqual([]);
  });

  it('writes plain lines when the output is a file or a pipe', () => {
    const { stream, written } = fakeStream(false);
    const p = progressFor(stream, false);
    p.start(1);
    p.file('Aanbod CAW.xlsx', 10);
    p.end();
    expect(written).toEqual(['gelezen: Aanbod CAW.xlsx\n']);
  });

  it('stays silent in --json mode', () => {
    const { stream, written } = fakeStream(true);
    const p = progressFor(stream, true);
    p.start(1);
    p.file('x.xlsx', 1);
    p.end();
    expect(written).toEqual([]);
  });

  it('shows sizes in kB and MB, Dutch style', () => {
    expect(formatBytes(2048)).toBe('2 kB');
    expect(formatBytes(3.25 * 1024 * 1024)).toBe('3,3 MB');
  });
});
