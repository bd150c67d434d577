// Types for markdown-it-emoji's name list, which ships none: briefdeck reads only its data, never the plugin.
declare module 'markdown-it-emoji/lib/data/full.mjs' {
  /** GitHub's emoji shortcode names, without colons, and the emoji each stands for. */
  const names: Record<string, string>;
  export default names;
}
