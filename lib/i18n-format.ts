/** A message's positional substitutions (`$1`, `$2`…) filled in; a `$n` without a value stays as it is. Pure. */
export function formatMessage(message: string, subs: readonly (string | number)[]): string {
  return message.replace(/\$(\d)/g, (m, d: string) => {
    const v = subs[Number(d) - 1];
    return v === undefined ? m : String(v);
  });
}
