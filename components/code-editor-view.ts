// The CodeMirror 6 side of <CodeEditor>: only ever loaded in the browser, by
// a dynamic import from components/code-editor.tsx, so that the editor's code
// stays out of the server render and out of the page's first JavaScript.
//
// Extensions are picked one by one instead of `basicSetup`: line numbers,
// history, bracket matching, auto-closed brackets, indent on input, syntax
// highlighting (colors at least 4.5:1 on every background the editor paints),
// active line highlight, and the default keymaps with Tab indenting. Tab does
// not trap keyboard users: Escape then Tab moves the focus on (CodeMirror's
// tab-focus mode, for two seconds), and Ctrl-M (Shift-Alt-M on macOS) turns
// tab-focus mode on or off for good.
import { closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { javascript } from "@codemirror/lang-javascript";
import { bracketMatching, HighlightStyle, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { Annotation, Compartment, EditorSelection, EditorState, RangeSet, StateEffect, StateField, type Extension } from "@codemirror/state";
import {
  Decoration,
  type DecorationSet,
  EditorView,
  gutter,
  GutterMarker,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import { tags as t } from "@lezer/highlight";

export type EditorLanguage = "ts" | "js";

export type EditorOptions = {
  value: string;
  language: EditorLanguage;
  /** DOM attributes of the editable element (id, aria-label, aria-labelledby, aria-describedby) */
  attributes: Record<string, string>;
  /** 1-based line to mark, e.g. where a compile error is; null for none */
  errorLine: number | null;
  /** The marked line's title ("The error is on this line"), in the reader's language (read when the editor is created) */
  errorTitle: string;
  minHeight: string;
  /** Called with the whole text after each change made in the editor (not after setValue). */
  onChange: (value: string) => void;
};

export type CodeEditorHandle = {
  /** The editor's outer element, to be put in the document by the caller. */
  dom: HTMLElement;
  /** Replaces the document unless it already holds `value` (or `value` is an echo of an onChange). */
  setValue(value: string): void;
  setLanguage(language: EditorLanguage): void;
  setAttributes(attributes: Record<string, string>): void;
  setErrorLine(line: number | null): void;
  /** Focuses the editor, optionally with a selection (offsets into the text). */
  focus(selection?: { anchor: number; head: number }): void;
  /** Re-measures the layout, after the editor was put in the document. */
  measure(): void;
  destroy(): void;
};

// Colors: Tailwind's 700/800 shades, each at least 4.5:1 (WCAG AA) on white,
// on the active line (#f1f5f9), on the error line (#fef2f2), on a matched
// bracket (#dbeafe) and on the selection (#bfdbfe).
const highlightStyle = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.moduleKeyword, t.operatorKeyword, t.definitionKeyword, t.modifier, t.self], color: "#7e22ce" },
  { tag: [t.string, t.special(t.string), t.character], color: "#166534" },
  { tag: [t.regexp, t.escape], color: "#9f1239" },
  { tag: [t.number, t.bool, t.null, t.atom], color: "#9a3412" },
  { tag: [t.comment, t.lineComment, t.blockComment, t.docComment], color: "#4b5563", fontStyle: "italic" },
  { tag: [t.function(t.variableName), t.function(t.propertyName), t.function(t.definition(t.variableName))], color: "#1d4ed8" },
  { tag: [t.typeName, t.className, t.namespace, t.definition(t.typeName)], color: "#115e59" },
  { tag: [t.operator, t.punctuation, t.bracket, t.separator], color: "#334155" },
  { tag: [t.meta, t.labelName], color: "#475569" },
  { tag: t.invalid, color: "#b91c1c", textDecoration: "underline wavy" },
]);

function theme(minHeight: string): Extension {
  return EditorView.theme(
    {
      "&": { backgroundColor: "#ffffff", color: "#0f172a" },
      // the wrapper in code-editor.tsx draws the focus ring (3px indigo, as everywhere)
      "&.cm-focused": { outline: "none" },
      ".cm-scroller": { fontFamily: "inherit", lineHeight: "1.5" },
      ".cm-content": { padding: "0.75rem 0", minHeight, caretColor: "#0f172a" },
      ".cm-content:focus-visible": { outline: "none" },
      ".cm-gutters": { minHeight, backgroundColor: "#f8fafc", color: "#475569", borderRight: "1px solid #e2e8f0" },
      ".cm-line": { padding: "0 1rem 0 0.5rem" },
      ".cm-cursor, .cm-dropCursor": { borderLeftColor: "#0f172a", borderLeftWidth: "2px" },
      ".cm-content ::selection, .cm-content::selection": { backgroundColor: "#bfdbfe" },
      ".cm-activeLine": { backgroundColor: "#f1f5f9" },
      ".cm-activeLineGutter": { backgroundColor: "#e2e8f0", color: "#0f172a" },
      "&.cm-focused .cm-matchingBracket": { backgroundColor: "#dbeafe", outline: "1px solid #1d4ed8" },
      "&.cm-focused .cm-nonmatchingBracket": { backgroundColor: "#fef2f2", outline: "1px solid #b91c1c" },
      ".cm-errorLine": { backgroundColor: "#fef2f2", boxShadow: "inset 3px 0 0 #b91c1c" },
      ".cm-errorGutter .cm-gutterElement": { padding: "0 2px", minWidth: "1.25em", textAlign: "center" },
      ".cm-errorMarker": { color: "#b91c1c", fontWeight: "700" },
    },
    { dark: false },
  );
}

/** Transactions that replace the document from outside: they don't call onChange. */
const external = Annotation.define<boolean>();

// The marked line: a line decoration (background, bar, title) and a "!" in a
// gutter of its own, so the mark isn't carried by color alone. The mark
// follows its line while the text is edited above it. The title is the
// editor's own (options.errorTitle, in the reader's language).
const setErrorLine = StateEffect.define<number | null>();

class ErrorMarker extends GutterMarker {
  constructor(readonly title: string) {
    super();
  }
  eq(other: GutterMarker) {
    return other instanceof ErrorMarker && other.title === this.title;
  }
  toDOM() {
    const span = document.createElement("span");
    span.className = "cm-errorMarker";
    span.textContent = "!";
    span.title = this.title;
    return span;
  }
}

/** Where the marked line starts, or null. */
const errorField = StateField.define<number | null>({
  create: () => null,
  update(pos, tr) {
    for (const effect of tr.effects) {
      if (!effect.is(setErrorLine)) continue;
      const line = effect.value;
      return line === null || !Number.isInteger(line) || line < 1 || line > tr.state.doc.lines ? null : tr.state.doc.line(line).from;
    }
    if (pos === null || !tr.docChanged) return pos;
    // a text replaced from outside isn't the one the mark was about
    if (tr.annotation(external)) return null;
    // mapped, then back to the start of its line (a deletion may end mid-line)
    return tr.state.doc.lineAt(tr.changes.mapPos(pos)).from;
  },
  provide: (field) => [
    EditorView.contentAttributes.compute([field], (state): Record<string, string> => (state.field(field) === null ? {} : { "aria-invalid": "true" })),
  ],
});

/** The marked line's looks, titled `title`: its decoration (to put with errorField) and its gutter's "!". */
function errorMarks(title: string) {
  const marker = new ErrorMarker(title);
  const lineDecoration = Decoration.line({ class: "cm-errorLine", attributes: { title } });
  return {
    decorations: EditorView.decorations.compute([errorField], (state): DecorationSet => {
      const pos = state.field(errorField);
      return pos === null ? Decoration.none : Decoration.set(lineDecoration.range(pos));
    }),
    gutter: gutter({
      class: "cm-errorGutter",
      markers: (view) => {
        const pos = view.state.field(errorField);
        return pos === null ? RangeSet.empty : RangeSet.of(marker.range(pos));
      },
      // keeps the gutter as wide with a mark as without
      initialSpacer: () => marker,
    }),
  };
}

const languageOf = (language: EditorLanguage) => javascript({ typescript: language === "ts" });

export function createCodeEditor(options: EditorOptions): CodeEditorHandle {
  const language = new Compartment();
  const attributes = new Compartment();
  // The texts passed to onChange that the parent may still hand back as
  // `value`, possibly late (a render between two keystrokes): such an echo
  // must not replace what has been typed since.
  let echoes: string[] = [];
  let currentLanguage = options.language;
  const marks = errorMarks(options.errorTitle);

  const view = new EditorView({
    state: EditorState.create({
      doc: options.value,
      extensions: [
        lineNumbers(),
        marks.gutter,
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        highlightActiveLine(),
        syntaxHighlighting(highlightStyle),
        EditorView.lineWrapping,
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]),
        language.of(languageOf(options.language)),
        attributes.of(EditorView.contentAttributes.of(options.attributes)),
        errorField,
        marks.decorations,
        theme(options.minHeight),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged || update.transactions.some((tr) => tr.annotation(external))) return;
          const text = update.state.doc.toString();
          echoes.push(text);
          if (echoes.length > 100) echoes = echoes.slice(-50);
          options.onChange(text);
        }),
      ],
    }),
  });
  if (options.errorLine !== null) view.dispatch({ effects: setErrorLine.of(options.errorLine) });

  return {
    dom: view.dom,
    setValue(value) {
      const echo = echoes.indexOf(value);
      if (echo >= 0) {
        echoes = echoes.slice(echo + 1);
        return;
      }
      echoes = [];
      // CodeMirror keeps "\n" line breaks: "\r\n" in the value isn't a change
      if (value.replace(/\r\n?/g, "\n") === view.state.doc.toString()) return;
      // one transaction in the history: "Start from the starter bot" can be undone
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: value }, annotations: external.of(true) });
    },
    setLanguage(next) {
      if (next === currentLanguage) return;
      currentLanguage = next;
      view.dispatch({ effects: language.reconfigure(languageOf(next)) });
    },
    setAttributes(next) {
      view.dispatch({ effects: attributes.reconfigure(EditorView.contentAttributes.of(next)) });
    },
    setErrorLine(line) {
      if (line === null && view.state.field(errorField) === null) return;
      view.dispatch({ effects: setErrorLine.of(line) });
    },
    focus(selection) {
      if (selection) {
        const length = view.state.doc.length;
        const clamp = (n: number) => Math.max(0, Math.min(n, length));
        view.dispatch({ selection: EditorSelection.single(clamp(selection.anchor), clamp(selection.head)), scrollIntoView: true });
      }
      view.focus();
    },
    measure() {
      view.requestMeasure();
    },
    destroy() {
      view.destroy();
    },
  };
}
