/**
 * A strict XML reader for tests: saxes checks well-formedness and XML 1.0's character ranges
 * (a control character or an unescaped "&" throws), and we build a small element tree to
 * query.
 */
import { SaxesParser } from "saxes";

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Text and CDATA directly inside the element, concatenated. */
  text: string;
}

/** Parses `xml` strictly. @throws Error with saxes's message (line:column) on any fault. */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let error: Error | null = null;
  parser.on("error", (e) => {
    error ??= e;
  });
  parser.on("opentag", (tag) => {
    const el: XmlElement = { name: tag.name, attributes: { ...(tag.attributes as Record<string, string>) }, children: [], text: "" };
    stack.at(-1)?.children.push(el);
    root ??= el;
    stack.push(el);
  });
  parser.on("text", (t) => {
    const top = stack.at(-1);
    if (top) top.text += t;
  });
  parser.on("cdata", (t) => {
    const top = stack.at(-1);
    if (top) top.text += t;
  });
  parser.on("closetag", () => void stack.pop());
  parser.write(xml).close();
  if (error) throw error;
  if (!root) throw new Error("no root element");
  return root;
}

/** All descendants (depth first) named `name`. */
export function findAll(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) {
    if (c.name === name) out.push(c);
    out.push(...findAll(c, name));
  }
  return out;
}

/** The first descendant named `name`. @throws when there is none. */
export function find(el: XmlElement, name: string): XmlElement {
  const found = findAll(el, name)[0];
  if (!found) throw new Error(`no <${name}> in <${el.name}>`);
  return found;
}
