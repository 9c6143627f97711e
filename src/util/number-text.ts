import { excerpt } from './excerpt.ts';

// Decimal digits, `_` between groups, an optional fraction and exponent; no sign, hex or blanks.
const DECIMAL = /^(?:\d+(?:_\d+)*(?:\.\d+)?|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * The one parser for numbers typed on a command line: `10000`, `10_000`, `1e6`, `2.5e5`, `0.05`.
 * Empty text, signs, hex (`0x10`), `Infinity`, blanks and trailing text are refused (undefined).
 */
export function parseNumberText(text: string): number | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const n = Number(text.replaceAll('_', ''));
  return Number.isFinite(n) ? n : undefined;
}

/** A whole number from min to max, or the message saying why `text` is not one. */
export function parseWholeNumber(
  text: string,
  min: number,
  max: number,
): { ok: true; value: number } | { ok: false; message: string } {
  const n = parseNumberText(text);
  if (n !== undefined && Number.isSafeInteger(n) && n >= min && n <= max) {
    return { ok: true, value: n };
  }
  return {
    ok: false,
    message: `expected a whole number from ${min} to ${max}, got '${excerpt(text)}'`,
  };
}
