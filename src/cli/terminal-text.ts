// why: scenario and run files are written by anyone, and the CLI prints their field names, texts
// and ids; a terminal obeys escape sequences (retitle, clear, fake green "valid", hidden text) and
// carriage returns overwrite a line. Everything the CLI prints passes through here, so nothing from
// a file reaches the terminal as a command: controls are shown as \u001b etc.

/**
 * C0 controls except line feed and tab, DEL, C1 controls (U+009B is a one-byte CSI) and the
 * bidirectional overrides and isolates that reorder what a reader sees.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text with every character a terminal would act on written out as its \u escape. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A command's result made safe to print. */
export function terminalSafeResult<R extends { stdout: string; stderr: string }>(result: R): R {
  return { ...result, stdout: terminalSafe(result.stdout), stderr: terminalSafe(result.stderr) };
}
