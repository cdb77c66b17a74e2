import { useEffect, useRef } from 'preact/hooks';

/**
 * A ref for a heading that takes focus when it mounts and whenever `key` changes.
 * why: keyboard and screen-reader users are taken to the new content instead of staying on a
 * button that has just disappeared.
 */
export function useFocusHeading<T extends HTMLElement = HTMLHeadingElement>(key: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, [key]);
  return ref;
}

/** Plain text split into paragraphs at blank lines; always rendered as text, never as HTML. */
export function Paragraphs({ text, class: className }: { text: string; class?: string }) {
  const parts = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {parts.map((p, i) => (
        <p key={i} class={className}>
          {p}
        </p>
      ))}
    </>
  );
}
