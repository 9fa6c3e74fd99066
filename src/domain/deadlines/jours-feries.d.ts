// The package ships no types. Checked against node_modules/@socialgouv/jours-feries/src/index.js (2.0.0):
// a CommonJS default export `(year, { alsace }) => Record<name, Date>`, each Date at LOCAL midnight
// (built with `new Date(y, m, d)` and shifted by multiples of 24 h for the movable feasts).
declare module '@socialgouv/jours-feries' {
  export default function joursFeries(year: number, options?: { alsace?: boolean }): Record<string, Date>;
}
