'use strict';
// buffer-crc32's API on Node's own CRC-32 (zlib.crc32, native; Node 20.15+), put in its place in
// the CLI's bundle (scripts/bundle-cli.js). yazl computes the CRC-32 of every byte the overview's
// parts hold with buffer-crc32's JavaScript loop: ~0.16 s of `overview --scale 40` (21 MB of
// XML) in a CPU profile, against a few ms here. Same values (test/buffer-crc32-shim.test.ts).
const { Buffer } = require('node:buffer');
const { crc32: native } = require('node:zlib');

/** The running value buffer-crc32 takes: a 4-byte big-endian Buffer or a number. */
const start = (previous) =>
  Buffer.isBuffer(previous) ? previous.readUInt32BE(0) : (previous ?? 0) >>> 0;

const unsigned = (input, previous) => native(input, start(previous));

function crc32(input, previous) {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(unsigned(input, previous));
  return bytes;
}
crc32.unsigned = unsigned;
crc32.signed = (input, previous) => unsigned(input, previous) | 0;

module.exports = crc32;
