// Sets keys in one _locales messages.json without touching the others.
// Usage: node tools/merge-messages.mjs <messages.json> <keys.json>
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
const [target, source] = process.argv.slice(2);
const current = existsSync(target) ? JSON.parse(readFileSync(target, 'utf8')) : {};
Object.assign(current, JSON.parse(readFileSync(source, 'utf8')));
const sorted = Object.fromEntries(Object.keys(current).sort().map((k) => [k, current[k]]));
writeFileSync(target, JSON.stringify(sorted, null, 2) + '\n');
