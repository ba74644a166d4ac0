export function devHttpsOptions(): Promise<{
  cert: string | Buffer;
  key: string | Buffer;
  ca?: string | Buffer;
}>;
