/** Largest whole number of hours a SCORM 1.2 timespan can hold (`HHHH`). */
const MAX_SCORM_HOURS = 9999;

/** A duration as SCORM 1.2 `CMITimespan`: `HHHH:MM:SS.SS` (hours padded to four digits, capped at 9999). */
export function scormTimespan(milliseconds: number): string {
  const centis = Math.max(0, Math.round((Number.isFinite(milliseconds) ? milliseconds : 0) / 10));
  const cappedCentis = Math.min(centis, (MAX_SCORM_HOURS * 3600 + 59 * 60 + 59) * 100 + 99);
  const hours = Math.floor(cappedCentis / 360_000);
  const minutes = Math.floor((cappedCentis % 360_000) / 6000);
  const seconds = Math.floor((cappedCentis % 6000) / 100);
  const hundredths = cappedCentis % 100;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(hours).padStart(4, '0')}:${two(minutes)}:${two(seconds)}.${two(hundredths)}`;
}

/** A duration as ISO 8601 for xAPI (`PT1H2M3.5S`), to the hundredth of a second. */
export function isoDuration(seconds: number): string {
  const centis = Math.max(0, Math.round((Number.isFinite(seconds) ? seconds : 0) * 100));
  const hours = Math.floor(centis / 360_000);
  const minutes = Math.floor((centis % 360_000) / 6000);
  const rest = (centis % 6000) / 100;
  let out = 'PT';
  if (hours) out += `${hours}H`;
  if (minutes) out += `${minutes}M`;
  if (rest || (!hours && !minutes)) out += `${Number(rest.toFixed(2))}S`;
  return out;
}
