// why: the drag from an option's ● handle to the graph is made of pointer events with the pointer
// captured by the handle, not HTML5 drag and drop: a captured pointer keeps reporting moves and the
// release wherever it goes (over the SVG graph, outside the form's column), with a mouse, a pen or
// a finger, and in every browser; HTML5 drag events do not fire for a button that is not
// `draggable`, nor for touch, nor reliably for synthetic mouse moves in headless browsers.

const NODE = '[data-step],[data-ending]';
const OVER = 'graph-drop-target';

/** The id of the graph's step or ending under a point of the window, if any. */
export function dropTargetAt(x: number, y: number, root: Document = document): string | undefined {
  const hit = root
    .elementsFromPoint(x, y)
    .map((el) => el.closest(NODE))
    .find((el) => el !== null);
  return hit?.getAttribute('data-step') ?? hit?.getAttribute('data-ending') ?? undefined;
}

function markOver(root: Document, id: string | undefined) {
  for (const el of root.querySelectorAll(`.${OVER}`)) el.classList.remove(OVER);
  if (!id) return;
  for (const el of root.querySelectorAll(NODE))
    if ((el.getAttribute('data-step') ?? el.getAttribute('data-ending')) === id) el.classList.add(OVER);
}

const EDGE = 24;
const SPEED = 14;

/** Scrolls the scrollable boxes under a point (the graph, the side column) when it is near their edge. */
function scrollNear(root: Document, x: number, y: number): boolean {
  let moved = false;
  const seen = new Set<Element>();
  for (const top of root.elementsFromPoint(x, y))
    for (let el: Element | null = top; el; el = el.parentElement) {
      if (seen.has(el)) break;
      seen.add(el);
      const style = root.defaultView?.getComputedStyle(el);
      if (!style || !/(auto|scroll)/.test(`${style.overflowY} ${style.overflowX}`)) continue;
      const r = el.getBoundingClientRect();
      const dy = y < r.top + EDGE ? -SPEED : y > r.bottom - EDGE ? SPEED : 0;
      const dx = x < r.left + EDGE ? -SPEED : x > r.right - EDGE ? SPEED : 0;
      const before = [el.scrollTop, el.scrollLeft];
      if (dy) el.scrollTop += dy;
      if (dx) el.scrollLeft += dx;
      if (el.scrollTop !== before[0] || el.scrollLeft !== before[1]) moved = true;
    }
  return moved;
}

/**
 * Follows a drag that starts with `down` on `handle`: marks the node under the pointer as it moves,
 * and on release over a node calls `onDrop` with its id (`onEnd` in every case, with the id or not).
 */
export function followDrag(
  handle: Element,
  down: PointerEvent,
  onDrop: (target: string) => void,
  onEnd: (target: string | undefined) => void,
) {
  const root = handle.ownerDocument;
  try {
    handle.setPointerCapture(down.pointerId);
  } catch {
    // why: a pointer the browser no longer knows (released already) cannot be captured; the
    // window's listeners below still see its release
  }
  // why: the graph may be scrolled away inside its column; held near an edge, it scrolls, so a
  // node out of sight can be reached without letting go
  let at = { x: down.clientX, y: down.clientY };
  let frame = 0;
  const tick = () => {
    frame = 0;
    // why: over a node the trainer is aiming at it; scrolling then would pull it from under the pointer
    if (dropTargetAt(at.x, at.y, root)) return;
    if (scrollNear(root, at.x, at.y)) {
      markOver(root, dropTargetAt(at.x, at.y, root));
      frame = root.defaultView?.requestAnimationFrame(tick) ?? 0;
    }
  };
  const move = (e: PointerEvent) => {
    if (e.pointerId !== down.pointerId) return;
    at = { x: e.clientX, y: e.clientY };
    markOver(root, dropTargetAt(e.clientX, e.clientY, root));
    if (!frame) frame = root.defaultView?.requestAnimationFrame(tick) ?? 0;
  };
  const finish = (e: PointerEvent, drop: boolean) => {
    if (e.pointerId !== down.pointerId) return;
    root.defaultView?.removeEventListener('pointermove', move);
    root.defaultView?.removeEventListener('pointerup', up, true);
    root.defaultView?.removeEventListener('pointercancel', cancel, true);
    if (frame) root.defaultView?.cancelAnimationFrame(frame);
    frame = 0;
    markOver(root, undefined);
    const target = drop ? dropTargetAt(e.clientX, e.clientY, root) : undefined;
    if (target) onDrop(target);
    onEnd(target);
  };
  const up = (e: PointerEvent) => finish(e, true);
  const cancel = (e: PointerEvent) => finish(e, false);
  root.defaultView?.addEventListener('pointermove', move);
  root.defaultView?.addEventListener('pointerup', up, true);
  root.defaultView?.addEventListener('pointercancel', cancel, true);
}
