"use client";
// A form's submit button that asks first, for what is hard to take back
// (leaving a team, merging topics, changing someone's role). The question is a
// native modal <dialog>: the page behind is inert, focus moves into it (to
// Cancel, the harmless choice, so a repeated Enter doesn't confirm), Escape or
// a tap beside it cancels, and focus returns to the button. It fits a phone's
// width. No window.confirm: it can't be styled, blocks the page, and browser
// tests and assistive technologies handle it badly. Without JavaScript the
// button submits at once, as it did before.
import { useEffect, useId, useRef, useState, type ComponentProps, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "./form";
import { buttonClass } from "./ui";

export type Question = {
  /** the question, which names the dialog: "Leave Heatmappers?" */
  title: string;
  /** what follows from it */
  details?: ReactNode;
  /** the confirming button's text: "Leave" */
  confirm: string;
  /** a red confirming button */
  danger?: boolean;
};

type Props = Omit<ComponentProps<typeof SubmitButton>, "onClick" | "type"> & {
  /** what to ask before submitting, or null to submit at once; a function reads the form as it is at the click */
  ask: Question | null | ((form: HTMLFormElement) => Question | null);
};

export function ConfirmSubmit({ ask, ...button }: Props) {
  const t = useTranslations("common");
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [question, setQuestion] = useState<Question | null>(null);
  const [asked, setAsked] = useState(0); // counts the questions: each one opens the dialog (rendered from the first)
  const id = useId();

  useEffect(() => {
    const d = dialog.current;
    if (!asked || !d) return;
    if (!d.open) d.showModal();
    cancel.current?.focus();
  }, [asked]);

  const close = () => dialog.current?.close();
  const confirm = () => {
    close();
    const submitter = opener.current;
    // the form is sent as if its own button had been clicked, without asking again
    submitter?.form?.requestSubmit(submitter);
  };

  return (
    <>
      <SubmitButton
        {...button}
        ref={opener}
        onClick={(event) => {
          const form = event.currentTarget.form;
          const q = typeof ask === "function" ? (form ? ask(form) : null) : ask;
          if (!q) return;
          event.preventDefault();
          setQuestion(q);
          setAsked((n) => n + 1);
        }}
      />
      {question && (
        <dialog
          ref={dialog}
          role="alertdialog"
          aria-labelledby={`${id}-title`}
          aria-describedby={question.details ? `${id}-details` : undefined}
          // a tap on the backdrop (the dialog itself, outside its padded content) cancels
          onClick={(event) => {
            if (event.target === event.currentTarget) close();
          }}
          onClose={() => {
            // back to the button that asked (browsers mostly do it themselves)
            if (!document.activeElement || document.activeElement === document.body) opener.current?.focus();
          }}
          className="m-auto w-[calc(100%-2rem)] max-w-md rounded-xl bg-white p-0 text-left text-slate-900 shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-900/60"
        >
          <div className="space-y-3 p-5">
            <h2 id={`${id}-title`} className="text-lg font-bold break-words">
              {question.title}
            </h2>
            {question.details && (
              <div id={`${id}-details`} className="text-sm break-words text-slate-700">
                {question.details}
              </div>
            )}
            <div className="flex flex-wrap justify-end gap-2 pt-2">
              <button type="button" onClick={confirm} className={buttonClass(question.danger ? "danger" : "primary")}>
                {question.confirm}
              </button>
              <button type="button" ref={cancel} onClick={close} className={buttonClass("secondary")}>
                {t("cancel")}
              </button>
            </div>
          </div>
        </dialog>
      )}
    </>
  );
}
