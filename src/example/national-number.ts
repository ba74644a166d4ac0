import { Random, type Rng } from './random.js';

/** A valid Belgian national register number (yy.mm.dd-sss.cc) for someone born in `year`. */
export function nationalNumber(rng: Rng, year: number): string {
  const rand = new Random(rng);
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const first9 = `${pad(year % 100, 2)}${pad(rand.int(1, 12), 2)}${pad(rand.int(1, 28), 2)}${pad(rand.int(1, 997), 3)}`;
  const base = year >= 2000 ? 2_000_000_000 + Number(first9) : Number(first9);
  const check = pad(97 - (base % 97), 2);
  return `${first9.slice(0, 2)}.${first9.slice(2, 4)}.${first9.slice(4, 6)}-${first9.slice(6, 9)}.${check}`;
}
