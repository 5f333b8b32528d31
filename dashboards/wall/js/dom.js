// @ts-check
// DOM patching shared by every screen: write only what changed, so a busy wall does not repaint for nothing.

/**
 * The element matching `selector` (in `root`), typed as an HTMLElement; throws when a page lacks it, since every
 * caller names an element of its own page.
 * @param {string} selector
 * @param {ParentNode} [root]
 * @returns {HTMLElement}
 */
export function $(selector, root = document) {
  const el = root.querySelector(selector);
  if (!(el instanceof HTMLElement)) throw new Error(`the page has no ${selector}`);
  return el;
}

/** @param {Element} el @param {string} value */
export function setText(el, value) {
  if (el.textContent !== value) el.textContent = value;
}

/** @param {Element} el @param {string} name @param {string} value */
export function setAttr(el, name, value) {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/**
 * A clone of a <template>'s first element.
 * @param {string} id
 * @returns {HTMLElement}
 */
export function fromTemplate(id) {
  const template = /** @type {HTMLTemplateElement} */ (document.getElementById(id));
  return /** @type {HTMLElement} */ (template.content.firstElementChild.cloneNode(true));
}

/**
 * Inserts `child` into `parent` before the first sibling whose key sorts after `key`.
 * @param {Element} parent @param {Element} child @param {(el: Element) => string} keyOf @param {string} key
 */
export function insertSorted(parent, child, keyOf, key) {
  let before = null;
  for (const other of parent.children) {
    if (other !== child && keyOf(other) > key) {
      before = other;
      break;
    }
  }
  if (child.parentNode !== parent || child.nextElementSibling !== before) parent.insertBefore(child, before);
}

/**
 * Puts `rows` in `parent` in this order, moving only those out of place.
 * @param {Element} parent @param {Element[]} rows
 */
export function placeInOrder(parent, rows) {
  let i = 0;
  for (const row of rows) {
    const at = parent.children[i];
    if (at !== row) parent.insertBefore(row, at ?? null);
    i++;
  }
}
