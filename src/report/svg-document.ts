/**
 * The little of the DOM that Observable Plot needs to draw a chart outside a browser, so reports
 * render their SVG in Node with no DOM dependency; `markup` serialises what it drew.
 */
class ShimNode {
  childNodes: ShimNode[] = [];
  parentNode: ShimNode | null = null;
  constructor(readonly ownerDocument: ShimDocument) {}
  appendChild(child: ShimNode): ShimNode {
    return this.insertBefore(child, null);
  }
  append(...children: ShimNode[]): void {
    for (const c of children) this.appendChild(c);
  }
  insertBefore(child: ShimNode, before: ShimNode | null): ShimNode {
    child.parentNode?.removeChild(child);
    const at = before === null ? -1 : this.childNodes.indexOf(before);
    if (at < 0) this.childNodes.push(child);
    else this.childNodes.splice(at, 0, child);
    child.parentNode = this;
    return child;
  }
  removeChild(child: ShimNode): ShimNode {
    const at = this.childNodes.indexOf(child);
    if (at >= 0) this.childNodes.splice(at, 1);
    child.parentNode = null;
    return child;
  }
  remove(): void {
    this.parentNode?.removeChild(this);
  }
  get firstChild(): ShimNode | null {
    return this.childNodes[0] ?? null;
  }
  get lastChild(): ShimNode | null {
    return this.childNodes.at(-1) ?? null;
  }
  get nextSibling(): ShimNode | null {
    const siblings = this.parentNode?.childNodes ?? [];
    return siblings[siblings.indexOf(this) + 1] ?? null;
  }
  get textContent(): string {
    return this.childNodes.map((c) => c.textContent).join('');
  }
  set textContent(value: string) {
    this.childNodes = [];
    if (value !== '') this.appendChild(new ShimText(this.ownerDocument, String(value)));
  }
}

class ShimText extends ShimNode {
  readonly nodeType = 3;
  constructor(
    owner: ShimDocument,
    private data: string,
  ) {
    super(owner);
  }
  override get textContent(): string {
    return this.data;
  }
  override set textContent(value: string) {
    this.data = value;
  }
}

class ShimElement extends ShimNode {
  readonly nodeType = 1;
  readonly attributes = new Map<string, string>();
  private readonly styles = new Map<string, string>();
  readonly style = {
    setProperty: (name: string, value: string) => void this.styles.set(name, String(value)),
    removeProperty: (name: string) => void this.styles.delete(name),
    getPropertyValue: (name: string) => this.styles.get(name) ?? '',
  };
  constructor(
    owner: ShimDocument,
    readonly tagName: string,
    readonly namespaceURI: string,
  ) {
    super(owner);
  }
  setAttribute(name: string, value: unknown): void {
    this.attributes.set(name, String(value));
  }
  setAttributeNS(_ns: string | null, name: string, value: unknown): void {
    this.attributes.set(name, String(value));
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  hasAttribute(name: string): boolean {
    return this.attributes.has(name);
  }
  removeAttribute(name: string): void {
    this.attributes.delete(name);
  }
  get children(): ShimElement[] {
    return this.childNodes.filter((c) => c instanceof ShimElement);
  }
  /** Tag names only: all Plot asks of it. */
  querySelectorAll(tag: string): ShimElement[] {
    const found: ShimElement[] = [];
    const walk = (node: ShimNode) => {
      for (const c of node.childNodes) {
        if (!(c instanceof ShimElement)) continue;
        if (c.tagName === tag) found.push(c);
        walk(c);
      }
    };
    walk(this);
    return found;
  }
  querySelector(tag: string): ShimElement | null {
    return this.querySelectorAll(tag)[0] ?? null;
  }
  addEventListener(): void {}
  removeEventListener(): void {}
  get cssText(): string {
    return [...this.styles].map(([k, v]) => `${k}:${v}`).join(';');
  }
}

class ShimDocument {
  // d3 reads the root's namespace to choose between createElement and createElementNS.
  readonly documentElement: ShimElement = new ShimElement(
    this,
    'html',
    'http://www.w3.org/1999/xhtml',
  );
  readonly defaultView = {
    devicePixelRatio: 1,
    getComputedStyle: () => ({ getPropertyValue: () => '' }),
  };
  createElementNS(namespace: string, tag: string): ShimElement {
    return new ShimElement(this, tag, namespace);
  }
  createElement(tag: string): ShimElement {
    return new ShimElement(this, tag, 'http://www.w3.org/1999/xhtml');
  }
  createTextNode(text: string): ShimText {
    return new ShimText(this, text);
  }
  querySelector(): null {
    return null;
  }
  querySelectorAll(): never[] {
    return [];
  }
}

const escape = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');

/** A fresh document for one chart; pass it as Plot's `document` option. */
export function svgDocument(): ShimDocument {
  return new ShimDocument();
}

/** The markup of what Plot returned (an `<svg>`, or a `<figure>` with legends). */
export function markup(node: unknown): string {
  if (!(node instanceof ShimNode)) throw new Error('not drawn on svgDocument()');
  if (!(node instanceof ShimElement)) return escape(node.textContent);
  const style = node.cssText;
  const attributes = [...node.attributes, ...(style === '' ? [] : [['style', style]])]
    .map(([k, v]) => ` ${k}="${escape(v)}"`)
    .join('');
  // A <style> element's CSS is raw text in HTML: escaping its > would break its selectors.
  const inner =
    node.tagName === 'style'
      ? node.textContent.replaceAll('</', '<\\/')
      : node.childNodes.map(markup).join('');
  return `<${node.tagName}${attributes}>${inner}</${node.tagName}>`;
}
