/** Offers text to the user as a file download, through a Blob URL (nothing leaves the browser). */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // why: revoking at once can cancel the download in some browsers; a later tick is enough.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name safe on every system: letters, digits and hyphens, with the date of the exercise. */
export function exportName(exercise: string, date: Date, extension: string): string {
  const day = date.toISOString().slice(0, 10);
  return `${exercise.replace(/[^a-z0-9-]+/gi, '-')}-after-action-${day}.${extension}`;
}
