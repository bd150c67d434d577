/** Limits that keep a hostile or mistaken input from exhausting the machine. */
export interface InputLimits {
  /** Largest Markdown or YAML file. */
  maxFileBytes: number;
  /** Largest single image. */
  maxImageBytes: number;
  /** Largest total of all images in one deck. */
  maxDeckBytes: number;
}

export const DEFAULT_LIMITS: InputLimits = {
  maxFileBytes: 5 * 1024 * 1024,
  maxImageBytes: 5 * 1024 * 1024,
  maxDeckBytes: 20 * 1024 * 1024,
};
