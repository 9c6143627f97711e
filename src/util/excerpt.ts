/** Errors quote at most this many characters of an offending value. */
export const EXCERPT_LENGTH = 60;

/**
 * A value as an error quotes it: at most `max` characters (an ellipsis marks the cut), control
 * characters shown as `\u….` escapes so a message cannot drive the terminal.
 */
export function excerpt(text: string, max = EXCERPT_LENGTH): string {
  const cut = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return cut.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
