import type { TokenizerAndRendererExtension, Tokens } from 'marked';
import { startWithinWindow } from '../../extension-start.js';

// Pandoc's superscript and subscript.

/**
 * Pandoc's superscript (`2^10^`) and subscript (`H~2~O`): no white space inside, unless escaped.
 * A single `~` is strikethrough on GitHub, so subscript is read only where `subscript()` says
 * Pandoc reads the text (a `.qmd` or `.Rmd` file, a deck with Pandoc's, Quarto's or R Markdown's keys); `~~struck~~` stays struck.
 */
export function pandocScriptExtensions(subscript: () => boolean): TokenizerAndRendererExtension[] {
  const script = (name: string, mark: string, tag: string, when: () => boolean): TokenizerAndRendererExtension => {
    const pattern = new RegExp(`^\\${mark}((?:\\\\.|[^\\s\\${mark}\\\\]){1,200})\\${mark}`);
    return {
      name,
      level: 'inline',
      start: startWithinWindow(mark),
      tokenizer(src: string) {
        if (!when()) return undefined;
        const match = pattern.exec(src);
        return match ? { type: name, raw: match[0], tokens: this.lexer.inlineTokens(match[1]!) } : undefined;
      },
      renderer(token) {
        return `<${tag}>${this.parser.parseInline((token as unknown as { tokens: Tokens.Generic[] }).tokens)}</${tag}>`;
      },
    };
  };
  return [script('superscript', '^', 'sup', () => true), script('subscript', '~', 'sub', subscript)];
}
