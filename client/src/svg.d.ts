/** SVG files imported as their markup (the build's `loader` option; jest stringifies them too). */
declare module '*.svg' {
  const markup: string;
  export default markup;
}
