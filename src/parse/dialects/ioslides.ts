import type { DialectLine } from '../directive-lines.js';

// How briefdeck reads R Markdown's ioslides decks (`output: ioslides_presentation`), which Pandoc reads otherwise:
// a slide title may carry a subtitle after a bar (`## Getting up | What I do first`), which ioslides sets under the
// title, and `{.flexbox .vcenter}` centres a slide's content, as briefdeck's `.center` does.

/** A heading with ioslides' subtitle after ` | `, and its attributes after both (`{.smaller}`). */
const SUBTITLED = /^(#{1,2})[ \t]+(.+?)[ \t]+\|[ \t]+(.+?)[ \t]*(\{[^{}\n]*\})?[ \t]*$/;
/** A heading's attribute block at the end of its line. */
const ATTRIBUTES = /\{([^{}\n]*)\}[ \t]*$/;

/** Rewrites one line of an ioslides deck: a subtitled heading as its title and a subheading, centring as `.center`; else null. */
export function rewriteIoslidesLine(line: string): DialectLine | null {
  if (!/^#{1,2}[ \t]/.test(line)) return null;
  const centred = line.replace(ATTRIBUTES, (block, inside: string) => {
    const classes = inside.split(/[ \t]+/).filter(Boolean);
    if (!classes.includes('.vcenter')) return block;
    return `{${classes.filter((c) => c !== '.flexbox').map((c) => (c === '.vcenter' ? '.center' : c)).join(' ')}}`;
  });
  const subtitled = SUBTITLED.exec(centred);
  if (!subtitled) return centred === line ? null : { text: centred };
  const [, level, title, subtitle, attributes] = subtitled as unknown as [string, string, string, string, string | undefined];
  // Set a level below a slide's title, which cuts no slide whichever level the title is.
  return { text: `${level} ${title}${attributes ? ` ${attributes}` : ''}`, after: ['', `### ${subtitle}`] };
}
