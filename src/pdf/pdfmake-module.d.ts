// pdfmake 0.3 ships no types for its Node entry point. Checked against node_modules/pdfmake/src/index.js and
// base.js (0.3.11): a CommonJS singleton with addFonts, access policies and createPdf(doc).getBuffer().
declare module 'pdfmake' {
  interface OutputDocument {
    getBuffer(): Promise<Buffer>;
  }
  interface PdfMake {
    addFonts(fonts: Record<string, Record<string, string>>): void;
    setUrlAccessPolicy(callback: (url: string) => boolean): void;
    setLocalAccessPolicy(callback: (path: string) => boolean): void;
    createPdf(docDefinition: Record<string, unknown>): OutputDocument;
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}
