/**
 * Text from a scenario file (its name, its jurisdictions' names, a misspelt key) shown on a terminal.
 * A control character in it (escape, bell, carriage return, DEL, the C1 codes such as CSI) would be
 * obeyed: a shared file could clear the screen, set the window title or hide a line. Printed instead as
 * a visible `\xNN`; tabs and line breaks of the CLI's own layout are kept.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this function's job
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
