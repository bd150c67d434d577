// pptxgenjs names each object it adds to a slide by counting the objects of its
// kind already there (`Text 3`, `Image 0`), a scan of all the slide's objects for
// each object, and for each run of a text's: a slide of thousands of objects (a
// deck of thousands of code blocks on one slide) took seconds for each thousand.
// The same names are given here from counts kept as objects are added, so
// pptxgenjs scans nothing and writes the same file.
import type * as Pptx from 'pptxgenjs';

type Slide = Pptx.default.Slide;
type TextRun = { text?: string; options?: Record<string, unknown> };

/** The object each slide was given last: its name, and how many objects the slide had then. */
const lastObjects = new WeakMap<Slide, { name: string; count: number }>();

/**
 * The object last added to a slide named by nameSlideObjects, as its XML names it (an animation's target): its name, and
 * its id, which pptxgenjs gives a text, picture or chart by its place among the slide's objects (the id 1 is the slide's
 * own tree). A name alone may be a title placeholder's too; a table's id is counted otherwise, and its name is its own.
 */
export function lastObject(slide: Slide): { name: string; id: number } | undefined {
  const last = lastObjects.get(slide);
  return last && { name: last.name, id: last.count + 1 };
}

/** Makes a slide name each object it is given as pptxgenjs would, from counts kept as they are added; returns the slide. */
export function nameSlideObjects(slide: Slide): Slide {
  // pptxgenjs counts texts and shapes together (both are its text objects), and names each of the other kinds apart.
  const counts = { text: 0, image: 0, table: 0, chart: 0 };
  /** The options with the object's name: its own, or pptxgenjs's for the next of its kind; either way it is counted. */
  const named = <T extends { objectName?: string }>(options: T | undefined, kind: keyof typeof counts, word: string) => {
    const count = counts[kind]++;
    const objectName = options?.objectName ?? `${word} ${count}`;
    lastObjects.set(slide, { name: objectName, count: (lastObjects.get(slide)?.count ?? 0) + 1 });
    return { ...options, objectName } as T & { objectName: string };
  };
  const { addText, addShape, addImage, addTable, addChart } = slide;
  slide.addText = (text, options) => {
    const own = named(options, 'text', 'Text');
    // A run's own name is never written; given one, pptxgenjs does not scan the slide to make it.
    const runs = Array.isArray(text) ? (text as TextRun[]).map((run) => ({ ...run, options: { ...run.options, objectName: own.objectName } })) : text;
    return addText.call(slide, runs as Parameters<Slide['addText']>[0], own);
  };
  slide.addShape = (shape, options) => {
    const own = named(options, 'text', 'Shape');
    return addShape.call(slide, shape, own);
  };
  slide.addImage = (options) => {
    const own = named(options, 'image', 'Image');
    return addImage.call(slide, own as Parameters<Slide['addImage']>[0]);
  };
  slide.addTable = (rows, options) => {
    const own = named(options, 'table', 'Table');
    return addTable.call(slide, rows, own);
  };
  slide.addChart = ((type: unknown, data: unknown, options?: { objectName?: string }) => {
    const own = named(options, 'chart', 'Chart');
    return (addChart as (...args: unknown[]) => Slide).call(slide, type, data, own);
  }) as Slide['addChart'];
  return slide;
}
