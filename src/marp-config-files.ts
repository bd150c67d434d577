// The names of Marp CLI's configuration files, which the load stage reads beside a deck and the parse stage
// (parse/dialects/marp-config.ts) reads the options of.

/** Marp CLI's configuration files that hold data (YAML or JSON), in the order it looks for them. */
export const MARP_CONFIG_FILES = ['.marprc', '.marprc.yml', '.marprc.yaml', '.marprc.json'];
/** Marp CLI's configuration files that are code, which briefdeck never runs: read only to be named. */
export const MARP_CODE_CONFIG_FILES = ['marp.config.js', 'marp.config.mjs', 'marp.config.cjs', 'marp.config.ts'];
/** The file whose `"marp"` object Marp CLI reads its configuration from first. */
export const MARP_PACKAGE_FILE = 'package.json';
