// Everything the JavaScript/TypeScript rules and fixes read about one file (filled in by the JS model).

export interface JsContext {
  file: string;
  text: string;
}
