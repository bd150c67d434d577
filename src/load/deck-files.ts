// What the files of a briefing folder are, by their names: the load stage's and folder-decks.ts' shared vocabulary.

/** The names briefdeck's own metadata file may have. */
export const META_NAMES = ['briefing.yml', 'briefing.yaml'];

/** Markdown as every peer names it: `.md`, `.markdown`, Quarto's `.qmd`, R Markdown's `.Rmd` and MDX's `.mdx` (mdx-deck's, Spectacle's). */
export const MARKDOWN_FILE = /\.(md|markdown|qmd|rmd|mdx)$/i;

/** A project's own documents (README.md, CHANGELOG.md, LICENSE.md, …), which another tool's project keeps beside its deck. */
export const PROJECT_DOCS = /^(?:readme|changelog|changes|history|license|licence|contributing|code_of_conduct|security|authors)(?:\.[\w-]+)?\.(?:md|markdown)$/i;

/**
 * A file that is a deck by itself: Markdown (under any of the endings editors and GitHub give it, `.mkd`, `.mdown`, …), a
 * reveal.js deck written as an HTML page, or a Jupyter notebook (never a part of a folder's deck).
 */
export const DECK_FILE = /\.(md|markdown|mdown|mkd|mkdn|mdwn|markdn|mdtext|mdtxt|qmd|rmd|mdx|html?|ipynb)$/i;

/** A Hugo section's own page: with it, the folder's pages are one presentation (reveal-hugo's), it first. */
export const HUGO_SECTION_INDEX = '_index.md';
