"use client";
// A code editor (CodeMirror 6, see code-editor-view.ts) for a form's source
// field. The server renders a plain <textarea> with the same value, id and
// label, so the field is there, usable and labelled before the editor's code
// has loaded (or if it never does); once loaded, the editor takes the
// textarea's place, its text, focus and cursor. Only one of the two is in
// the document at a time, so the label names one element.
//
// The editable element gets `id`, the accessible name (aria-labelledby when
// `labelledBy` is given, else aria-label={label}) and aria-describedby
// (`describedBy` and the keyboard hint under the editor). A <label for={id}>
// keeps working: clicking it focuses the editor.
//
// Controlled: typing calls onChange with the whole text, and a new `value`
// from outside (e.g. "start from the starter bot") replaces the text, as one
// step that can be undone.
import { useEffect, useEffectEvent, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { CodeEditorHandle, EditorLanguage } from "@/components/code-editor-view";

export type CodeEditorProps = {
  id: string;
  value: string;
  onChange: (value: string) => void;
  language: EditorLanguage;
  /** The accessible name; used as aria-label unless `labelledBy` is given */
  label: string;
  /** Id of a visible label naming the editor (e.g. a <label htmlFor={id}>) */
  labelledBy?: string;
  /** Ids of elements describing the field */
  describedBy?: string;
  /** CSS length, e.g. "24rem" (read when the editor is created) */
  minHeight?: string;
  /** 1-based line to mark, e.g. the line of a compile error */
  errorLine?: number;
};

export function CodeEditor({ id, value, onChange, language, label, labelledBy, describedBy, minHeight = "16rem", errorLine }: CodeEditorProps) {
  const t = useTranslations("codeEditor");
  const hostRef = useRef<HTMLDivElement>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const pendingFocus = useRef<{ anchor: number; head: number } | null>(null);
  const [editor, setEditor] = useState<CodeEditorHandle | null>(null);

  const hintId = `${id}-keys`;
  const name = labelledBy ? { "aria-labelledby": labelledBy } : { "aria-label": label };
  // the editable element's: the editor's hint is among its descriptions
  const attributes = useMemo<Record<string, string>>(
    () => ({
      id,
      ...(labelledBy ? { "aria-labelledby": labelledBy } : { "aria-label": label }),
      "aria-describedby": [describedBy, hintId].filter(Boolean).join(" "),
    }),
    [id, label, labelledBy, describedBy, hintId],
  );

  const emitChange = useEffectEvent((text: string) => onChange(text));
  const currentOptions = useEffectEvent(() => ({ value, language, attributes, errorLine: errorLine ?? null, errorTitle: t("errorLine"), minHeight }));

  // load and create the editor once, in the browser only
  useEffect(() => {
    let cancelled = false;
    let created: CodeEditorHandle | null = null;
    void import("@/components/code-editor-view").then(({ createCodeEditor }) => {
      if (cancelled) return;
      created = createCodeEditor({ ...currentOptions(), onChange: (text) => emitChange(text) });
      // someone typing in the textarea carries on in the editor, where they were
      const textarea = textareaRef.current;
      if (textarea && document.activeElement === textarea) {
        const backwards = textarea.selectionDirection === "backward";
        pendingFocus.current = backwards
          ? { anchor: textarea.selectionEnd, head: textarea.selectionStart }
          : { anchor: textarea.selectionStart, head: textarea.selectionEnd };
      }
      setEditor(created);
    });
    return () => {
      cancelled = true;
      created?.destroy();
    };
  }, []);

  // in the commit that removes the textarea, put the editor in its place
  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!editor || !host) return;
    host.appendChild(editor.dom);
    editor.measure();
    if (pendingFocus.current) editor.focus(pendingFocus.current);
    pendingFocus.current = null;
  }, [editor]);

  // <label for={id}> focuses the editor, as it would focus a textarea
  useEffect(() => {
    if (!editor) return;
    const labels = document.querySelectorAll<HTMLLabelElement>(`label[for="${CSS.escape(id)}"]`);
    const focus = () => editor.focus();
    labels.forEach((l) => l.addEventListener("click", focus));
    return () => labels.forEach((l) => l.removeEventListener("click", focus));
  }, [editor, id]);

  useEffect(() => editor?.setValue(value), [editor, value]);
  useEffect(() => editor?.setLanguage(language), [editor, language]);
  useEffect(() => editor?.setErrorLine(errorLine ?? null), [editor, errorLine]);
  useEffect(() => editor?.setAttributes(attributes), [editor, attributes]);

  return (
    <div>
      {!editor && (
        <textarea
          ref={textareaRef}
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          {...name}
          aria-describedby={describedBy}
          style={{ minHeight }}
          className="block w-full rounded-lg bg-white p-4 font-mono text-sm text-slate-900 ring-1 ring-slate-300"
        />
      )}
      <div
        ref={hostRef}
        className={
          editor
            ? "overflow-hidden rounded-lg bg-white font-mono text-sm ring-1 ring-slate-300 focus-within:outline-3 focus-within:outline-offset-2 focus-within:outline-indigo-600"
            : undefined
        }
      />
      {editor && (
        <p id={hintId} className="mt-1 text-sm text-slate-700">
          {t("keys")}
        </p>
      )}
    </div>
  );
}
