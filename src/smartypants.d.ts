// Types for the smartypants package, which ships none: its one function is all briefdeck uses.
declare module 'smartypants' {
  /** Replaces straight quotes, dashes and dots in HTML text with their typographic entities; `attributes` picks the rules ("qDe"). */
  export function smartypants(html: string, attributes?: string | number): string;
}
