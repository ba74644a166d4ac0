// A sticky footer covers the bottom of its scroll container, and the browser, scrolling a field
// focused by Tab into view, would stop as soon as the field is inside the container: under the
// footer. The container's scroll-padding-bottom, kept at the footer's height, makes the browser
// stop above it instead.

/** Some room between the focused field and the footer, for its focus ring. */
const GAP = 8;

/** A ref callback for a sticky footer (React 19 calls the returned cleanup when it goes). */
export function clearOfFooter(footer: HTMLElement | null): (() => void) | undefined {
  if (footer === null) return undefined;
  const scroller = scrollContainer(footer);
  const observer = new ResizeObserver(() => {
    scroller.style.scrollPaddingBottom = `${footer.offsetHeight + GAP}px`;
  });
  observer.observe(footer);
  return () => {
    observer.disconnect();
    scroller.style.scrollPaddingBottom = '';
  };
}

/** The element the footer sticks to: its nearest ancestor that scrolls, else the page. */
function scrollContainer(element: HTMLElement): HTMLElement {
  for (let e = element.parentElement; e !== null; e = e.parentElement) {
    if (/auto|scroll/.test(getComputedStyle(e).overflowY)) return e;
  }
  return (document.scrollingElement as HTMLElement | null) ?? document.documentElement;
}
