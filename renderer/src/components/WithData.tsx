/**
 * A translated sentence with one piece of shop data in it (a staff name, as entered): the data is
 * marked translate="no", so it reads as a name in any language (and the layout audit does not take
 * 店长 in "Signed in: 店长 (Manager)" for untranslated text).
 */
export function WithData({ text, data }: { text: string; data: string }) {
  const i = data ? text.indexOf(data) : -1;
  if (i < 0) return <>{text}</>;
  return <>{text.slice(0, i)}<span translate="no">{data}</span>{text.slice(i + data.length)}</>;
}
