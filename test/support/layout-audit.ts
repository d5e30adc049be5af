/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Measures what a cashier would see wrong on the current screen, in the real browser: elements
 * running off the viewport or out of their box, words stacked one character per line, text below
 * WCAG AA contrast, touch targets under 44 px, and (in English) Chinese text that is not shop data.
 * Returns one line per problem, naming the element, so a regression fails with the culprit.
 *
 * Contrast follows WCAG 2.x: relative luminance, (L1 + 0.05) / (L2 + 0.05); 4.5:1 for text,
 * 3:1 for large text (≥ 24 px, or ≥ 18.66 px bold). Disabled controls are exempt (WCAG 1.4.3).
 * Intentionally Chinese text carries lang="zh-CN" (the receipt preview), data carries
 * translate="no" (shop and staff names): neither counts as untranslated.
 */
import type { Page } from '@playwright/test';

export interface AuditOptions {
  /** Check for CJK text outside lang="zh…" elements (English mode). */
  english: boolean;
}

export interface AuditFinding { kind: 'viewport' | 'overflow' | 'stacked' | 'contrast' | 'touch' | 'untranslated'; element: string; detail: string; text?: string }

export async function auditLayout(page: Page, opts: AuditOptions): Promise<AuditFinding[]> {
  return page.evaluate(auditInPage, opts);
}

/** Runs inside the page (serialised by Playwright): no imports, no closures over test code. */
function auditInPage(opts: AuditOptions): AuditFinding[] {
  const out: AuditFinding[] = [];
  const styles = new Map<Element, CSSStyleDeclaration>();
  const style = (el: Element): CSSStyleDeclaration => { let st = styles.get(el); if (!st) { st = getComputedStyle(el); styles.set(el, st); } return st; };
  const vw = document.documentElement.clientWidth;
  const name = (el: Element): string => {
    const id = el.getAttribute('data-testid');
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 30);
    const path: string[] = [];
    for (let e: Element | null = el; e && e !== document.body && path.length < 3; e = e.parentElement) {
      const tid = e.getAttribute('data-testid');
      path.unshift(tid ? `[data-testid=${tid}]` : `${e.tagName.toLowerCase()}${e.classList.length ? '.' + [...e.classList].join('.') : ''}`);
    }
    return `${path.join(' > ')}${id ? '' : ''} "${text}"`;
  };
  const visible = (el: Element): boolean => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  };
  const parse = (c: string): [number, number, number, number] => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return [0, 0, 0, 0];
    const p = m[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
    return [p[0]!, p[1]!, p[2]!, p[3] ?? 1];
  };
  const over = (top: number[], bottom: number[]): number[] => {
    const a = top[3]!;
    return [0, 1, 2].map((i) => top[i]! * a + bottom[i]! * (1 - a)).concat(1);
  };
  const background = (el: Element): number[] => {
    const layers: number[][] = [];
    for (let e: Element | null = el; e; e = e.parentElement) {
      const bg = parse(style(e).backgroundColor);
      if (bg[3] > 0) layers.push(bg);
      if (bg[3] >= 1) break;
    }
    let colour = [255, 255, 255, 1];
    for (const l of layers.reverse()) colour = over(l, colour);
    return colour;
  };
  const lum = (c: number[]): number => {
    const ch = c.slice(0, 3).map((v) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * ch[0]! + 0.7152 * ch[1]! + 0.0722 * ch[2]!;
  };
  const ratio = (a: number[], b: number[]): number => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x! + 0.05) / (y! + 0.05); };
  const opacity = (el: Element): number => { let o = 1; for (let e: Element | null = el; e; e = e.parentElement) o *= Number(style(e).opacity); return o; };
  const clippedBy = (el: Element): Element | null => {
    for (let e = el.parentElement; e; e = e.parentElement) if (style(e).overflowX !== 'visible') return e;
    return null;
  };
  const CJK = /[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e]/;

  const elements = [...document.body.querySelectorAll('*')].filter((el) => !(el instanceof HTMLScriptElement) && visible(el));
  for (const el of elements) {
    const r = el.getBoundingClientRect();
    const cs = style(el);
    const disabled = (el as HTMLButtonElement).disabled === true || !!el.closest('[disabled], [aria-disabled=true]');
    // Off the screen (unless inside a scroller that lets the cashier reach it).
    const clip = clippedBy(el);
    if (!clip && (r.right > vw + 1 || r.left < -1)) out.push({ kind: 'viewport', element: name(el), detail: `spans ${Math.round(r.left)}–${Math.round(r.right)} px of a ${vw} px screen` });
    if (clip && style(clip).overflowX === 'hidden') {
      const c = clip.getBoundingClientRect();
      if (r.right > c.right + 1 || r.left < c.left - 1) out.push({ kind: 'overflow', element: name(el), detail: `cut off by ${name(clip)} (${Math.round(r.right - c.right)} px)` });
    }
    // Sticking out of its parent's box (a table wider than its panel), where nothing scrolls.
    const parent = el.parentElement;
    if (parent && parent !== document.body && !(el instanceof SVGElement) && cs.position !== 'absolute' && cs.position !== 'fixed' && style(parent).overflowX === 'visible' && style(parent).display !== 'inline') {
      const p = parent.getBoundingClientRect();
      if (r.right > p.right + 1.5 || r.left < p.left - 1.5) out.push({ kind: 'overflow', element: name(el), detail: `sticks out of ${name(parent)} by ${Math.round(Math.max(r.right - p.right, p.left - r.left))} px` });
    }
    // Text wider than its own box (a word running out of a button or cell).
    const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
    const boxed = cs.display !== 'inline' && cs.display !== 'contents' && !(el instanceof SVGElement);
    if (ownText && boxed && cs.overflowX === 'visible' && el.scrollWidth > el.clientWidth + 2 && !(el instanceof HTMLInputElement))
      out.push({ kind: 'overflow', element: name(el), detail: `text ${el.scrollWidth} px in a ${el.clientWidth} px box` });
    // Touch targets.
    if ((el instanceof HTMLButtonElement || el.getAttribute('role') === 'button') && r.height < 43.5)
      out.push({ kind: 'touch', element: name(el), detail: `${Math.round(r.height)} px tall (touch needs ≥ 44 px)` });
    for (const node of el.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE) continue;
      const text = node.textContent!.trim();
      if (!text) continue;
      const fontPx = parseFloat(cs.fontSize);
      // Stacked: two or more line boxes, each about one character wide.
      const range = document.createRange();
      range.selectNodeContents(node);
      const lines = [...range.getClientRects()].filter((q) => q.width > 0);
      const rows = new Set(lines.map((q) => Math.round(q.top))).size;
      if (text.replace(/\s/g, '').length >= 2 && rows >= 2 && Math.max(...lines.map((q) => q.width)) <= fontPx * 1.6)
        out.push({ kind: 'stacked', element: name(el), detail: `"${text.slice(0, 12)}" stacks on ${rows} lines` });
      // Contrast of this text against what is behind it.
      if (!disabled) {
        const fg = parse(el instanceof SVGElement ? cs.fill : cs.color);
        const bg = background(el);
        const alpha = fg[3]! * opacity(el);
        const seen = over([fg[0]!, fg[1]!, fg[2]!, alpha], bg);
        const weight = Number(cs.fontWeight) || 400;
        const large = fontPx >= 24 || (fontPx >= 18.66 && weight >= 700);
        const need = large ? 3 : 4.5;
        const got = ratio(seen, bg);
        if (got < need - 0.005) out.push({ kind: 'contrast', element: name(el), detail: `${got.toFixed(2)}:1 (needs ${need}:1) ${cs.color} on rgb(${bg.slice(0, 3).join(',')})` });
      }
      if (opts.english && CJK.test(text) && !el.closest('[lang^="zh"], [translate="no"]'))
        out.push({ kind: 'untranslated', element: name(el), detail: `"${text.slice(0, 20)}" in English mode`, text });
    }
  }
  if (document.documentElement.scrollWidth > vw + 1) out.push({ kind: 'viewport', element: 'html', detail: `page is ${document.documentElement.scrollWidth} px wide on a ${vw} px screen` });
  return out;
}

/** The findings as one readable block for an assertion message. */
export function describeFindings(view: string, findings: AuditFinding[]): string {
  return findings.length === 0 ? '' : `${view}:\n` + findings.map((f) => `  ${f.kind}: ${f.element} — ${f.detail}`).join('\n');
}
