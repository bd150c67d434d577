// The Iconify sets whose icons a Slidev deck draws with nothing installed: those Slidev's own package depends on.
// briefdeck depends on them too; the parse stage (parse/dialects/slidev-icons.ts) reads icons of these sets as
// pictures, and the load stage (load/draw-icons.ts) draws them, never reading a package of another name.

/** Iconify's sets that Slidev ships, by prefix, each the npm package `@iconify-json/<prefix>`. */
export const SHIPPED_ICON_SETS: readonly string[] = ['carbon', 'ph', 'svg-spinners'];
