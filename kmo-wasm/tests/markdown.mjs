// The code examples of the repository's Markdown, as the tests take them: each fenced block with
// its file, line, language and name (the file its first comment names: `// src/main.js`), and
// what it says it prints (a trailing comment holding a value: `q.aid; // "600.00"`,
// `console.log(x); // 600.00`). The README test runs them (tests/readme.test.js), the consumer
// tests build the Next.js recipe from them, the calculator's browser test runs its README's.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The Markdown files whose examples must run: the READMEs of the web face and the docs. */
export function markdownFiles() {
  return [
    'README.md',
    'kmo-wasm/README.md',
    'kmo-wasm/calculator/README.md',
    ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`),
  ];
}

/** Every fenced block of `file` (a path from the repository's root). */
export function blocks(file) {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,})(\S*)\s*(.*)$/.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, lang] = open;
    const body = [];
    let j = i + 1;
    while (j < lines.length && !lines[j].startsWith(`${indent}${fence}`)) body.push(lines[j++].slice(indent.length));
    const code = body.join('\n');
    out.push({ file, line: i + 1, lang: lang.toLowerCase(), name: nameOf(code), code, where: `${file}:${i + 1}` });
    i = j;
  }
  return out;
}

/** The file a block says it is: its first line `// path/name.ext…` (or `<!-- name -->`). */
function nameOf(code) {
  const first = code.split('\n')[0];
  const m = /^\s*(?:\/\/|<!--)\s*([\w./-]+\.(?:m?[jt]sx?|c?js|html|css|json))\b/.exec(first);
  return m ? m[1] : null;
}

/** The blocks of every file, in order. */
export function allBlocks() {
  return markdownFiles().flatMap(blocks);
}

/** A block by its file and name (`app/page.js`), or an error naming where it was looked for. */
export function named(file, name) {
  const found = blocks(file).filter((b) => b.name === name);
  if (found.length !== 1) throw new Error(`${file}: ${found.length} blocks named ${name}`);
  return found[0];
}

/**
 * What a line says it prints: the value in its trailing comment, or null. `// "600.00"` and
 * `// 600.00` and `// true` are values (a string literal's text, or the token); anything after
 * the value (two spaces, then an explanation) is not.
 */
export function statedValue(comment) {
  const text = comment.trim();
  if (text.startsWith('"')) {
    const m = /^"((?:[^"\\]|\\.)*)"/.exec(text);
    return m ? { value: JSON.parse(`"${m[1]}"`), text: JSON.parse(`"${m[1]}"`) } : null;
  }
  const m = /^(-?\d+(?:\.\d+)?|true|false|null)(?=\s|$)/.exec(text);
  if (m) return { value: JSON.parse(m[1]), text: m[1] };
  // A line of printed text (console.log): everything up to two spaces.
  return null;
}

/**
 * The lines of a JavaScript block that state an outcome, as `{ line, statement, comment }`: a
 * statement ending in `;` followed by `// comment`.
 */
export function statedLines(code) {
  const out = [];
  code.split('\n').forEach((text, index) => {
    const m = /^(\s*)(.*?;)\s*\/\/\s?(.*)$/.exec(text);
    if (m && !m[2].trim().startsWith('//')) out.push({ line: index, indent: m[1], statement: m[2], comment: m[3] });
  });
  return out;
}

/** A path from the repository's root, for messages. */
export const fromRoot = (path) => relative(ROOT, path);
