// Pandoc's `%` title block, read as front matter.

/**
 * Pandoc's title block: up to three `%` lines opening a file, the title, the
 * authors (separated by `;`) and the date, each going on over lines that
 * start with a space; an empty `%` line leaves that field out. Returns it as
 * YAML front matter with one line for each line of the block, so messages
 * keep their line numbers, and where the body starts; null when the file
 * does not open with one.
 */
export function readPandocTitleBlock(text: string): { yaml: string; bodyLine: number; body: string } | null {
  if (!/^%(?:[ \t]|\n|$)/.test(text)) return null;
  const lines = text.split('\n');
  const fields: { key: string; parts: string[] }[] = [];
  const keys = ['title', 'author', 'date'];
  let i = 0;
  for (; i < lines.length && fields.length <= keys.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('%') && fields.length < keys.length) fields.push({ key: keys[fields.length]!, parts: [line.slice(1).trim()] });
    else if (/^[ \t]+\S/.test(line) && fields.length > 0) fields.at(-1)!.parts.push(line.trim());
    else break;
  }
  const yaml: string[] = [];
  for (const { key, parts } of fields) {
    const value = parts.join(' ').trim();
    const written = key === 'author' ? value.split(';').map((a) => a.trim()).filter(Boolean).join(', ') : value;
    yaml.push(written === '' ? '' : `${key}: ${JSON.stringify(written)}`, ...parts.slice(1).map(() => ''));
  }
  return { yaml: `${yaml.join('\n')}\n`, bodyLine: i + 1, body: lines.slice(i).join('\n') };
}
