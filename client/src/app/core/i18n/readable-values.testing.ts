/**
 * Raw values where a label belongs, in the rendered text of `root`: ISO dates ("2010-03-15"), DIVIPOLA municipality
 * codes ("76001") and ISO country codes ("CO", "ES") standing alone in a value. Used by the specs of
 * screens that show recorded values (intake review, victim tab, ...).
 */
export function rawValuesIn(root: HTMLElement, selector = 'dd, li'): string[] {
  return [...root.querySelectorAll<HTMLElement>(selector)].flatMap((node) => {
    const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
    const found = [
      ...text.matchAll(/\b\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?\b/g),
      ...text.matchAll(/(?:^|[\s(,;])(\d{5})(?=$|[\s),;])/g),
      ...text.matchAll(/(?:^|[\s(,;])([A-Z]{2})(?=$|[\s),;])/g),
    ].map((match) => (match[1] && !match[0].includes('-') ? match[1] : match[0]).trim());
    return found.map((value) => `${value} in "${text}"`);
  });
}
