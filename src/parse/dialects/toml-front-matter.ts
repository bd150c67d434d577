// Hugo's TOML front matter (`+++` … `+++`), which reveal-hugo decks carry: read with a TOML parser, then written
// as YAML the metadata reader takes, each top-level key on the line it stands on in the TOML, so every message
// about a key names its line. Its values are written as JSON, which YAML reads as it is.

/** The YAML of a TOML front matter, line for line, or the TOML's first error at its line (from the front matter's first line, 0). */
export function convertTomlFrontMatter(toml: string): { yaml: string } | { error: string; line: number } {
  // A plain require, so smol-toml is set up (bundled in the parse worker) only for a deck that has TOML to read.
  const { parse: parseToml, TomlError } = require('smol-toml') as typeof import('smol-toml');
  let data: Record<string, unknown>;
  try {
    data = parseToml(toml) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof TomlError) return { error: error.message.split('\n')[0]!.replace(/^Invalid TOML document: /, ''), line: Math.max(0, error.line - 1) };
    throw error;
  }
  const lines = toml.split('\n').map(() => '');
  // Where each top-level key is set: a `key =` line before any table, or a `[table]` header (its keys are the table's).
  const placed = new Set<string>();
  let inTable = false;
  toml.split('\n').forEach((text, i) => {
    const table = /^[ \t]*\[\[?[ \t]*([A-Za-z0-9_-]+|"[^"\n]*")/.exec(text);
    if (table) inTable = true;
    const key = table ? table[1] : inTable ? undefined : /^[ \t]*([A-Za-z0-9_-]+|"[^"\n]*")[ \t]*[.=]/.exec(text)?.[1];
    const name = key?.replace(/^"|"$/g, '');
    if (name === undefined || placed.has(name) || !Object.hasOwn(data, name)) return;
    placed.add(name);
    lines[i] = `${JSON.stringify(name)}: ${JSON.stringify(data[name])}`;
  });
  // A key set where no line shows it plainly (a quoted key with dots, say) goes after the rest.
  for (const name of Object.keys(data)) if (!placed.has(name)) lines.push(`${JSON.stringify(name)}: ${JSON.stringify(data[name])}`);
  return { yaml: lines.join('\n') };
}
