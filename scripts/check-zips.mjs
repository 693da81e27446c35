// After `wxt zip` for both browsers (npm run zip): the Chrome and Firefox store zips and the sources zip that
// addons.mozilla.org review asks for exist, hold what a store and a reviewer need, and nothing they must not get.
// Exit status 1 with one line per problem.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inflateRawSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Entry names and a reader of each entry, from the zip's central directory (stored or deflated entries). */
function readZip(path) {
  const buf = readFileSync(path);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error(`${path}: not a zip`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const entryName = buf.toString('utf8', at + 46, at + 46 + nameLength);
    entries.set(entryName, () => {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + size);
      return method === 0 ? data : inflateRawSync(data);
    });
    at += 46 + nameLength + extra;
  }
  return entries;
}

const problems = [];
const open = (suffix) => {
  const path = join(root, '.output', `${name}-${version}-${suffix}.zip`);
  try {
    return readZip(path);
  } catch (e) {
    problems.push(`${path}: ${e.code === 'ENOENT' ? 'missing' : e.message}`);
    return null;
  }
};

for (const [suffix, manifestVersion] of [
  ['chrome', 3],
  ['firefox', 2],
]) {
  const zip = open(suffix);
  const manifest = zip?.get('manifest.json');
  if (!zip) continue;
  if (!manifest) problems.push(`${suffix} zip: no manifest.json at its root`);
  else if (JSON.parse(manifest().toString('utf8')).manifest_version !== manifestVersion) {
    problems.push(`${suffix} zip: manifest_version is not ${manifestVersion}`);
  }
}

const sources = open('sources');
if (sources) {
  const names = [...sources.keys()];
  for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'README.md']) {
    if (!sources.has(needed)) problems.push(`sources zip: no ${needed}`);
  }
  for (const dir of ['lib/', 'entrypoints/', 'components/', 'public/']) {
    if (!names.some((n) => n.startsWith(dir) && !n.endsWith('/'))) problems.push(`sources zip: no files under ${dir}`);
  }
  const banned = names.filter((n) => /(^|\/)(node_modules|\.output|\.wxt|\.git)\//.test(n) || /\.test\.tsx?$/.test(n));
  for (const n of banned.slice(0, 5)) problems.push(`sources zip: holds ${n}`);
}

if (problems.length > 0) {
  for (const p of problems) console.error(p);
  process.exit(1);
}
console.log(`zips ok: ${name}-${version}-{chrome,firefox,sources}.zip`);
