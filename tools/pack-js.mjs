// Writes the JavaScript of dist/<browser>/ (its *.js files and pkg/gateway_doctor.js) without
// comments, blank lines and trailing spaces: the JSDoc types and the comments are for people
// and for `tsc --noEmit` (they are in extension/ and in the source archive), the browsers
// never read them, and they were about 40% of the shell's bytes in each zip. Nothing else
// changes: names, strings and lines of code stay as written (no minifier), and each file's
// syntax tree is checked to be the same as before (acorn, positions aside), else the build
// stops.
//
//   node tools/pack-js.mjs DIST_DIR
import { Parser } from 'acorn';
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node tools/pack-js.mjs DIST_DIR');
  process.exit(2);
}

/** The file's syntax tree and comments: as a module, else (a classic script) as a script. */
function parse(src) {
  for (const sourceType of ['module', 'script']) {
    const comments = [];
    try {
      const ast = Parser.parse(src, { ecmaVersion: 'latest', sourceType, onComment: comments });
      return { ast, comments, sourceType };
    } catch (e) {
      if (sourceType === 'script') throw e;
    }
  }
  throw new Error('unreachable');
}

/** The tree without positions, as text, for comparing two parses. */
function shape(ast) {
  return JSON.stringify(ast, (k, v) => (k === 'start' || k === 'end' || k === 'raw' && typeof v !== 'string' ? undefined : v));
}

export function strip(src) {
  const { ast, comments } = parse(src);
  let out = '';
  let at = 0;
  for (const c of comments) {
    out += src.slice(at, c.start);
    // a comment that spans lines still ends a line (automatic semicolons); else a space
    // keeps the tokens on each side apart
    out += src.slice(c.start, c.end).includes('\n') ? '\n' : ' ';
    at = c.end;
  }
  out += src.slice(at);
  // blank lines and trailing spaces, outside template literals only (the tree check below
  // would catch a change inside one)
  const templates = [];
  for (const t of Parser.tokenizer(out, { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: true })) {
    if (t.type.label === 'template') templates.push([t.start, t.end]);
  }
  const inTemplate = (i) => templates.some(([s, e]) => i >= s && i <= e);
  const lines = [];
  let pos = 0;
  for (const line of out.split('\n')) {
    const end = pos + line.length;
    if (inTemplate(pos) || inTemplate(end)) lines.push(line);
    else if (line.trim() !== '') lines.push(line.trimEnd());
    pos = end + 1;
  }
  const packed = `${lines.join('\n')}\n`;
  if (shape(parse(packed).ast) !== shape(ast)) throw new Error('the packed file parses differently');
  return packed;
}

const files = readdirSync(dir)
  .filter((f) => f.endsWith('.js'))
  .map((f) => join(dir, f));
if (existsSync(join(dir, 'pkg/gateway_doctor.js'))) files.push(join(dir, 'pkg/gateway_doctor.js'));
for (const file of files.sort()) {
  try {
    writeFileSync(file, strip(readFileSync(file, 'utf8')));
  } catch (e) {
    console.error(`pack-js: ${file}: ${e.message}`);
    process.exit(1);
  }
}
