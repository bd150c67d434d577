// Every file a build reads, so that no output is written over one: `-o` naming a picture of the slides, a style sheet
// or an included file would replace what the next build reads with what this one made of it.
import path from 'node:path';
import type { Briefing, LoadedBriefing } from '../model.js';

/** The absolute paths of the files a briefing was built from: its Markdown, metadata and project files, what they include and name, its pictures and chart data. */
export function listReadFiles(loaded: LoadedBriefing, briefing: Briefing, cwd: string): string[] {
  const sources = [...(loaded.metaFile ? [loaded.metaFile] : []), ...loaded.markdownFiles, ...(loaded.nestedMarkdownFiles ?? []), ...(loaded.projectMetaFiles ?? []), ...(loaded.themeSheets ?? []).map((sheet) => sheet.file)];
  const linked = [...(loaded.includedFiles ?? []), ...(loaded.metadataFiles ?? [])].flatMap((included) => (included.file ? [included.file] : []));
  // A picture drawn from the slide's own markup (an inline <svg>, a Mermaid diagram) or a data: URL has a name, not a file.
  const pictures = briefing.images.filter((image) => image.inlineSvg === undefined && image.diagram === undefined && image.icon === undefined && !image.src.startsWith('data:')).map((image) => image.relPath);
  const chartData = briefing.charts.flatMap((chart) => (chart.dataFile ? [chart.dataFile.relPath] : []));
  return [...[...sources, ...linked].map((file) => path.resolve(cwd, file.path)), ...[...pictures, ...chartData].map((relPath) => path.join(loaded.root, relPath))];
}
