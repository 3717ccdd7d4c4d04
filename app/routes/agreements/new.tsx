import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Link, redirect } from "react-router";
import type { Route } from "./+types/new";
import { PeriodFields } from "~/components/document-fields";
import { ErrorSummary, PostForm, SubmitButton, TextField } from "~/components/form";
import { requirePartnershipPermission } from "~/domain/access/permissions";
import { newAgreementFormSchema } from "~/domain/agreements/agreement-form.schemas";
import { createAgreementDraft } from "~/domain/agreements/create-agreement-draft.server";
import { getPartnership } from "~/domain/partnerships/partnership.queries.server";
import { defineMessages } from "~/i18n/messages";
import { useT } from "~/i18n/use-t";
import { handleForm } from "~/lib/form-action.server";
import { pageCall } from "~/lib/http.server";
import { appContext } from "~/lib/request-context.server";
import { uuidParams } from "~/lib/route-params.server";
import { requireUser } from "~/lib/require-user.server";

const messages = defineMessages({
  sv: {
    title: "Ny samverkansöverenskommelse",
    intro:
      "Börja med rubrik och period. Sedan skriver ni bakgrund, fokusområden, mål och uppföljning i redigeraren; varje sparning blir en ny version.",
    docTitle: "Rubrik",
    docTitleHint: "T.ex. ”Samverkansöverenskommelse mellan Polisen och Ånge kommun 2023–2026”.",
    submit: "Skapa utkast",
    back: "Tillbaka till {name}",
  },
  en: {
    title: "New collaboration agreement",
    intro:
      "Start with the title and period. Then write the background, focus areas, goals and follow-up in the editor; every save becomes a new version.",
    docTitle: "Title",
    docTitleHint: "E.g. “Samverkansöverenskommelse mellan Polisen och Ånge kommun 2023–2026”.",
    submit: "Create draft",
    back: "Back to {name}",
  },
});

export const meta: Route.MetaFunction = () => [{ title: "Ny samverkansöverenskommelse – Tryggsam" }];

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const ctx = context.get(appContext);
  const { id: partnershipId } = uuidParams(params, "id");
  const actor = requireUser(ctx.actor, request);
  const partnership = await pageCall(async () => {
    requirePartnershipPermission(actor, "agreement.edit", partnershipId);
    return getPartnership(ctx, partnershipId);
  });
  return { partnership: { id: partnership.id, name: partnership.name } };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const ctx = context.get(appContext);
  const { id: partnershipId } = uuidParams(params, "id");
  requireUser(ctx.actor, request);
  // Another partnership's, or one the actor may not write in, answers with the error page.
  return handleForm(request, newAgreementFormSchema, (content) =>
    pageCall(async () => {
      const { id } = await createAgreementDraft(ctx, partnershipId, content);
      return redirect(`/overenskommelser/${id}/redigera`);
    }),
  );
}

export default function NewAgreement({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT(messages);
  const [form, fields] = useForm({
    id: "new-agreement",
    lastResult: actionData,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newAgreementFormSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <div className="narrow">
      <p>
        <Link className="ds-link" to={`/samverkan/${loaderData.partnership.id}`}>
          {t("back").replace("{name}", loaderData.partnership.name)}
        </Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t("title")}
      </h1>
      <p className="ds-paragraph">{t("intro")}</p>
      <PostForm form={form}>
        <ErrorSummary form={form} fields={[fields.title, fields.periodFrom, fields.periodTo]} />
        <TextField field={fields.title} label={t("docTitle")} description={t("docTitleHint")} required />
        <PeriodFields
          from={fields.periodFrom}
          to={fields.periodTo}
          continues={fields.continuesUntilReplaced}
        />
        <SubmitButton>{t("submit")}</SubmitButton>
      </PostForm>
    </div>
  );
}
