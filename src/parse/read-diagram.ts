// A ```mermaid block (Slidev's, Quarto's ```{mermaid}, reveal-md's, Obsidian's, GitHub's): a diagram, drawn to an SVG
// picture when the deck is built (src/draw-diagrams.ts), never shown as code. Here it is read: its source, without
// Quarto's `%%|` option lines, and what it says about itself for a reader who cannot see it.

/** A Mermaid diagram as the deck writes it. */
export interface DiagramBlock {
  /** What Mermaid draws: the block without Quarto's `%%|` options. */
  source: string;
  /** Its text alternative: Quarto's `fig-alt`, else Mermaid's accTitle and accDescr, else what kind of diagram it is. */
  alt: string;
  /** Quarto's `%%| fig-cap:`, shown under it. */
  caption?: string;
  /** Lines taken off the top (the options), so Mermaid's line numbers can be turned into the file's. */
  linesBefore: number;
}

/** What each of Mermaid's diagram keywords draws, for a text alternative when the diagram gives none. */
const KINDS: Record<string, string> = {
  graph: 'Flowchart', flowchart: 'Flowchart', sequenceDiagram: 'Sequence diagram', classDiagram: 'Class diagram', stateDiagram: 'State diagram',
  erDiagram: 'Entity relationship diagram', journey: 'User journey', gantt: 'Gantt chart', pie: 'Pie chart', quadrantChart: 'Quadrant chart',
  requirementDiagram: 'Requirement diagram', gitGraph: 'Git graph', mindmap: 'Mind map', timeline: 'Timeline', sankey: 'Sankey diagram',
  xychart: 'XY chart', block: 'Block diagram', packet: 'Packet diagram', kanban: 'Kanban board', architecture: 'Architecture diagram', C4Context: 'C4 diagram',
};

/** Reads a Mermaid block's source, options and text alternative. */
export function readDiagramBlock(text: string): DiagramBlock {
  const lines = text.split('\n');
  let linesBefore = 0;
  const options: Record<string, string> = {};
  while (linesBefore < lines.length && /^[ \t]*%%\|/.test(lines[linesBefore]!)) {
    const option = /^[ \t]*%%\|[ \t]*([\w-]+)[ \t]*:[ \t]*(.*?)[ \t]*$/.exec(lines[linesBefore]!);
    if (option) options[option[1]!] = option[2]!.replace(/^(["'])(.*)\1$/, '$2');
    linesBefore++;
  }
  const source = lines.slice(linesBefore).join('\n');
  const title = /^[ \t]*accTitle[ \t]*:[ \t]*(.+?)[ \t]*$/m.exec(source)?.[1];
  const description = /^[ \t]*accDescr[ \t]*:[ \t]*(.+?)[ \t]*$/m.exec(source)?.[1] ?? /^[ \t]*accDescr[ \t]*\{([^}]*)\}/m.exec(source)?.[1]?.replace(/\s+/g, ' ').trim();
  const keyword = /^[ \t]*(?!%%)(?:---[\s\S]*?---[ \t]*\n)?[ \t]*([A-Za-z][\w-]*)/.exec(source.replace(/^(?:[ \t]*%%.*\n)+/, ''))?.[1] ?? '';
  const kind = KINDS[keyword.replace(/-(?:beta|v2)$/, '')] ?? 'Diagram';
  const alt = options['fig-alt'] || [title, description].filter(Boolean).join(': ') || kind;
  return { source, alt, ...(options['fig-cap'] ? { caption: options['fig-cap'] } : {}), linesBefore };
}
