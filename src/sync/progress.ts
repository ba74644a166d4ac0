import { t } from '../domain/messages.js';

// Progress while pulling: a bar that redraws itself on a terminal, plain lines otherwise (a log
// or a pipe), nothing in --json mode. It goes to stderr so stdout stays the result.

export interface Progress {
  start(files: number): void;
  file(name: string, bytes: number): void;
  end(): void;
}

export function progressFor(stream: NodeJS.WriteStream, quiet: boolean): Progress {
  if (quiet) return { start() {}, file() {}, end() {} };
  return stream.isTTY ? new Bar(stream) : new Lines(stream);
}

const WIDTH = 24;

class Bar implements Progress {
  private started = false;
  /** The longest line drawn so far. */
  private drawn = 0;
  private total = 0;
  private done = 0;
  private bytes = 0;

  constructor(private readonly out: NodeJS.WriteStream) {}

  start(files: number): void {
    this.started = true;
    this.total = files;
    this.draw();
  }

  file(_name: string, bytes: number): void {
    this.done++;
    this.bytes += bytes;
    this.draw();
  }

  end(): void {
    if (this.started) this.out.write('\n');
  }

  private draw(): void {
    const filled = this.total === 0 ? WIDTH : Math.round((WIDTH * this.done) / this.total);
    const bar = `[${'#'.repeat(filled)}${' '.repeat(WIDTH - filled)}]`;
    const text = t('sync.progress', {
      done: this.done,
      total: this.total,
      size: formatBytes(this.bytes),
    });
    // Spaces over what is left of a longer line before it ("1008 kB" becoming "1,0 MB").
    const line = `${bar} ${text}`;
    this.out.write(`\r${line.padEnd(this.drawn)}`);
    this.drawn = Math.max(this.drawn, line.length);
  }
}

class Lines implements Progress {
  constructor(private readonly out: NodeJS.WriteStream) {}
  start(): void {}
  file(name: string): void {
    this.out.write(`${t('sync.file-done', { name })}\n`);
  }
  end(): void {}
}

export function formatBytes(n: number): string {
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} kB`;
  return `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}
