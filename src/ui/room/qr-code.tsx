import { useMemo } from 'preact/hooks';
import { encode } from 'uqr';

/** A QR code of a link, drawn as one SVG path (no canvas, no inline script: the CSP allows it). */
export function QrCode({ text, label, class: cls }: { text: string; label: string; class?: string }) {
  const { size, path } = useMemo(() => {
    const { data } = encode(text, { ecc: 'M', border: 0 });
    let d = '';
    for (const [y, row] of data.entries())
      for (const [x, dark] of row.entries()) if (dark) d += `M${x + 4} ${y + 4}h1v1h-1z`;
    // why: a four-module quiet zone around the code, which phone cameras need to find it.
    return { size: data.length + 8, path: d };
  }, [text]);
  return (
    <svg
      class={cls ?? 'qr-code'}
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={label}
      shape-rendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
