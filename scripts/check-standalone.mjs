#!/usr/bin/env node
// Fails if any tracked file refers to a path outside the repository: a relative path (in quotes,
// backticks or a Markdown link) that climbs above the root once resolved from the file's own
// folder, or the development machine's `/work/...` folders. A user's clone has nothing beside
// it, so a test, story, script or link that reaches out works on one machine only.
//
//   node scripts/check-standalone.mjs        # prints each offending line; exit 1 if any
//
// A string that only looks like a path (a hostile session id in a test) is marked on its line
// with the comment `check-standalone: ignore`.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TEXT = new Set(['.ts', '.tsx', '.mts', '.mjs', '.cjs', '.js', '.json', '.md', '.mdx', '.yaml', '.yml', '.html', '.css', '']);
// A relative path as code and docs write one: after a quote, a backtick or a Markdown link's "(".
const RELATIVE = /(?<=['"`(])((?:\.\.?\/)+)([^'"`()\s$]*)/g;
const MACHINE = /(?<![\w.])\/work\/(?:shared|main|wt-[\w-]+)\b/g;

function trackedFiles() {
  try {
    const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
    return out.split('\0').filter(Boolean);
  } catch {
    throw new Error('check-standalone: needs a git checkout (git ls-files)');
  }
}

const problems = [];
for (const file of trackedFiles()) {
  if (!TEXT.has(extname(file)) || file.endsWith('package-lock.json') || file.startsWith('test/react18/')) continue;
  let text;
  try {
    text = readFileSync(join(ROOT, file), 'utf8');
  } catch {
    continue; // deleted in the work tree
  }
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (line.includes('check-standalone: ignore')) return; // a string that is not a path, marked so
    for (const match of line.matchAll(RELATIVE)) {
      const target = resolve(ROOT, dirname(file), match[1] + match[2]);
      const inside = relative(ROOT, target);
      if (inside === '..' || inside.startsWith(`..${sep}`)) {
        problems.push(`${file}:${index + 1}: ${match[0]} resolves outside the repo (${inside})`);
      }
    }
    for (const match of line.matchAll(MACHINE)) {
      if (file === 'scripts/check-standalone.mjs') continue;
      problems.push(`${file}:${index + 1}: ${match[0]} is a folder of the development machine`);
    }
  });
}

if (problems.length > 0) {
  console.error(`check-standalone: ${problems.length} reference(s) outside the repository:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('check-standalone: no tracked file refers to anything outside the repository');
