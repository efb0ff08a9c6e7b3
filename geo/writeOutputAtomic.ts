/**
 * Replaces an output folder (public/data/) as a whole: every file is written into a fresh temp folder
 * beside it, then the old folder is renamed away, the new one renamed in, and the old one deleted.
 * A failure while writing (disk full, `ulimit -f`, an I/O error, Ctrl-C) therefore never leaves a
 * partial folder: the last good build stays where it was, byte for byte.
 */
import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The few fs calls used, injectable so tests can make a write fail. */
export interface OutputFs {
  mkdirSync: typeof nodeFs.mkdirSync;
  mkdtempSync: typeof nodeFs.mkdtempSync;
  writeFileSync: typeof nodeFs.writeFileSync;
  renameSync: typeof nodeFs.renameSync;
  rmSync: typeof nodeFs.rmSync;
  existsSync: typeof nodeFs.existsSync;
  readdirSync: typeof nodeFs.readdirSync;
}

/** Prefix of the sibling temp folders; one left by a killed run is removed by the next run. */
export const tempPrefix = (out: string) => `.${basename(out)}-tmp-`;

export function writeOutputAtomic(out: string, files: ReadonlyMap<string, string>, fs: OutputFs = nodeFs): void {
  const parent = dirname(out);
  fs.mkdirSync(parent, { recursive: true });
  const prefix = tempPrefix(out);
  // A run killed mid-write (SIGKILL, power) cannot clean up after itself: the next one does.
  // (An `-old` folder is only left when `out` was put back or replaced, so it is never the only copy.)
  if (fs.existsSync(out)) {
    for (const name of fs.readdirSync(parent)) {
      if (name.startsWith(prefix)) fs.rmSync(join(parent, name), { recursive: true, force: true });
    }
  }
  const tmp = fs.mkdtempSync(join(parent, prefix));
  const old = `${tmp}-old`;
  let swapped = false;
  try {
    for (const [name, text] of files) {
      fs.mkdirSync(dirname(join(tmp, name)), { recursive: true });
      fs.writeFileSync(join(tmp, name), text);
    }
    const hadOld = fs.existsSync(out);
    if (hadOld) fs.renameSync(out, old);
    try {
      fs.renameSync(tmp, out);
      swapped = true;
    } catch (e) {
      if (hadOld) fs.renameSync(old, out); // put the last good build back
      throw e;
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    // Only once the new build is in place: if putting the old one back failed, it stays in
    // `old` (a sibling, removed by the next successful run) rather than being lost.
    if (swapped) fs.rmSync(old, { recursive: true, force: true });
  }
}
