// A slide's build steps as PowerPoint's own click animations, which pptxgenjs has no way to say: each click of the
// deck (fragment-steps.ts) is a click of the slide show, on which the blocks of that step appear (PowerPoint's Appear
// entrance) or go (its Disappear exit). A list item or paragraph is animated alone, as a paragraph of its text box;
// a picture, table, chart or code block whole. Written into the slide's XML as `<p:timing>`, after its transition.
import type { BuildStep } from './fragment-steps.js';

/** One object (by the name it has on the slide) or one paragraph of a text box, and its step. */
export interface StepTarget {
  shape: string;
  /** Its id on the slide, where pptxgenjs gives it by the object's place (a text, picture or chart): a name may be a title's too. */
  id?: number;
  /** The paragraph of the text box, counted from 0; absent for the whole object. */
  paragraph?: number;
  /** A picture, which PowerPoint lists no build of, or a table or chart, a graphic frame whose build it lists apart from a text's; absent for a text. */
  kind?: 'picture' | 'graphic';
  step: BuildStep;
}

/** An effect of one click: a target appearing or going. */
interface Effect {
  spid: string;
  paragraph?: number;
  exit: boolean;
}

/** A name as the XML writes it in an attribute. */
const escapeXmlName = (name: string) => name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * The slide's XML with its build steps as click animations, each target found by its object's name; the XML as it is
 * when no target has a step or none is found. Each click's first effect is on the click, the rest with it.
 */
export function addSlideTiming(xml: string, targets: readonly StepTarget[]): string {
  if (targets.length === 0 || xml.includes('<p:timing')) return xml;
  const byClick = new Map<number, Effect[]>();
  const builds = new Map<string, { graphic: boolean; paragraphs: boolean; groups: Set<number> }>();
  // The slide's objects are read once, by id and name: a slide of thousands of steps is not searched once for each.
  const objects = new Set<string>();
  const firstByName = new Map<string, string>();
  for (const [, id, name] of xml.matchAll(/<p:cNvPr id="(\d+)" name="([^"]*)"/g)) {
    objects.add(`${id} ${name}`);
    if (!firstByName.has(name!)) firstByName.set(name!, id!);
  }
  for (const target of targets) {
    const name = escapeXmlName(target.shape);
    const spid = target.id !== undefined ? (objects.has(`${target.id} ${name}`) ? String(target.id) : undefined) : firstByName.get(name);
    if (spid === undefined) continue;
    for (const [click, exit] of [[target.step.in, false], [target.step.out, true]] as const) {
      if (click === undefined) continue;
      if (!byClick.has(click)) byClick.set(click, []);
      byClick.get(click)!.push({ spid, ...(target.paragraph !== undefined ? { paragraph: target.paragraph } : {}), exit });
      if (target.kind === 'picture') continue;
      const build = builds.get(spid) ?? { graphic: target.kind === 'graphic', paragraphs: false, groups: new Set<number>() };
      build.paragraphs ||= target.paragraph !== undefined;
      build.groups.add(exit ? 1 : 0);
      builds.set(spid, build);
    }
  }
  if (byClick.size === 0) return xml;
  let id = 2;
  const next = () => ++id;
  const clicks = [...byClick.keys()].sort((a, b) => a - b).map((click) => writeClick(byClick.get(click)!, next)).join('');
  const buildList = [...builds].flatMap(([spid, build]) => [...build.groups].sort().map((group) =>
    build.graphic ? `<p:bldGraphic spid="${spid}" grpId="${group}"><p:bldAsOne/></p:bldGraphic>` : `<p:bldP spid="${spid}" grpId="${group}"${build.paragraphs ? ' build="p"' : ' animBg="1"'}/>`,
  )).join('');
  const timing =
    '<p:timing><p:tnLst><p:par><p:cTn id="1" dur="indefinite" restart="never" nodeType="tmRoot"><p:childTnLst>' +
    `<p:seq concurrent="1" nextAc="seek"><p:cTn id="2" dur="indefinite" nodeType="mainSeq"><p:childTnLst>${clicks}</p:childTnLst></p:cTn>` +
    '<p:prevCondLst><p:cond evt="onPrev" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl></p:cond></p:prevCondLst>' +
    '<p:nextCondLst><p:cond evt="onNext" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl></p:cond></p:nextCondLst></p:seq>' +
    `</p:childTnLst></p:cTn></p:par></p:tnLst>${buildList ? `<p:bldLst>${buildList}</p:bldLst>` : ''}</p:timing>`;
  // PresentationML puts the timing after the transition (or the colour map's override) and before any extension list.
  const after = xml.includes('</p:transition>') ? '</p:transition>' : '</p:clrMapOvr>';
  return xml.includes(after) ? xml.replace(after, `${after}${timing}`) : xml;
}

/** One click of the slide show: its effects, the first on the click and the others with it. */
function writeClick(effects: readonly Effect[], next: () => number): string {
  const click = next();
  const group = next();
  const written = effects.map((effect, i) => {
    const target = `<p:spTgt spid="${effect.spid}">${effect.paragraph !== undefined ? `<p:txEl><p:pRg st="${effect.paragraph}" end="${effect.paragraph}"/></p:txEl>` : ''}</p:spTgt>`;
    const node = next();
    const set = next();
    return (
      `<p:par><p:cTn id="${node}" presetID="1" presetClass="${effect.exit ? 'exit' : 'entr'}" presetSubtype="0" fill="hold" grpId="${effect.exit ? 1 : 0}" nodeType="${i === 0 ? 'clickEffect' : 'withEffect'}">` +
      '<p:stCondLst><p:cond delay="0"/></p:stCondLst><p:childTnLst>' +
      `<p:set><p:cBhvr><p:cTn id="${set}" dur="1" fill="hold"><p:stCondLst><p:cond delay="0"/></p:stCondLst></p:cTn><p:tgtEl>${target}</p:tgtEl><p:attrNameLst><p:attrName>style.visibility</p:attrName></p:attrNameLst></p:cBhvr>` +
      `<p:to><p:strVal val="${effect.exit ? 'hidden' : 'visible'}"/></p:to></p:set>` +
      '</p:childTnLst></p:cTn></p:par>'
    );
  }).join('');
  return `<p:par><p:cTn id="${click}" fill="hold"><p:stCondLst><p:cond delay="indefinite"/></p:stCondLst><p:childTnLst><p:par><p:cTn id="${group}" fill="hold"><p:stCondLst><p:cond delay="0"/></p:stCondLst><p:childTnLst>${written}</p:childTnLst></p:cTn></p:par></p:childTnLst></p:cTn></p:par>`;
}

/**
 * A slide's XML with each table's id its own: pptxgenjs numbers a table by its count and the slide's number, which
 * can be a text's or picture's id too (the third slide's first table and its third object are both 4), and an
 * animation must name one object. Each table whose id another object has takes the next id free.
 */
export function separateTableIds(xml: string): string {
  if (!xml.includes('<p:graphicFrame>')) return xml;
  const ids = [...xml.matchAll(/<p:cNvPr id="(\d+)"/g)].map((m) => Number(m[1]));
  let free = Math.max(...ids);
  const seen = new Map<number, number>();
  for (const id of ids) seen.set(id, (seen.get(id) ?? 0) + 1);
  return xml.replace(/<p:nvGraphicFramePr><p:cNvPr id="(\d+)"/g, (whole, id: string) => {
    if (seen.get(Number(id))! < 2) return whole;
    seen.set(Number(id), seen.get(Number(id))! - 1);
    return `<p:nvGraphicFramePr><p:cNvPr id="${++free}"`;
  });
}

