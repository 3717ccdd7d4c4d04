import { useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { TextAreaField } from "./choice-fields";
import { ErrorSummary, PostForm, SubmitButton } from "./form";
import type { CommentView } from "~/domain/comments/comment.queries.server";
import { commentSchema } from "~/domain/comments/comment.schemas";
import { defineMessages } from "~/i18n/messages";
import { useDateTimeFormat, useT } from "~/i18n/use-t";

const messages = defineMessages({
  sv: {
    title: "Kommentarer",
    none: "Inga kommentarer ännu.",
    onVersion: "om version {n}",
    someone: "okänd",
    comment: "Din kommentar",
    commentHint: "Syns för alla i samverkan, även rådets ledamöter. Publiceras aldrig.",
    submit: "Skicka kommentaren",
  },
  en: {
    title: "Comments",
    none: "No comments yet.",
    onVersion: "on version {n}",
    someone: "unknown",
    comment: "Your comment",
    commentHint: "Seen by everyone in the partnership, council members included. Never published.",
    submit: "Send the comment",
  },
});

/** A document's comments, and a form to add one for those who may. */
export function Comments({
  comments,
  canComment,
  lastResult,
}: {
  comments: CommentView[];
  canComment: boolean;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const t = useT(messages);
  const when = useDateTimeFormat();
  const [form, fields] = useForm({
    id: "comment",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: commentSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <section aria-labelledby="kommentarer" className="stack">
      <h2 className="ds-heading" data-size="md" id="kommentarer" tabIndex={-1}>
        {t("title")}
      </h2>
      {comments.length === 0 ? <p className="ds-paragraph">{t("none")}</p> : null}
      {comments.length ? (
        <ol className="comments">
          {comments.map((c) => (
            <li key={c.id}>
              <p className="ds-paragraph comment-meta">
                <strong>{c.authorName ?? t("someone")}</strong>, {when.format(new Date(c.createdAt))},{" "}
                {t("onVersion").replace("{n}", String(c.revisionNumber))}
              </p>
              <p className="ds-paragraph pre-line">{c.body}</p>
            </li>
          ))}
        </ol>
      ) : null}
      {canComment ? (
        <PostForm form={form}>
          <input type="hidden" name="intent" value="comment" />
          <ErrorSummary form={form} fields={[fields.body]} />
          <TextAreaField field={fields.body} label={t("comment")} description={t("commentHint")} required />
          <SubmitButton>{t("submit")}</SubmitButton>
        </PostForm>
      ) : null}
    </section>
  );
}
