import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Link, redirect } from "react-router";
import type { Route } from "./+types/new";
import { PeriodFields } from "~/components/document-fields";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextField } from "~/components/form";
import { requirePartnershipPermission } from "~/domain/access/permissions";
import { findAgreements } from "~/domain/agreements/agreement.queries.server";
import { newCitizenPromiseFormSchema } from "~/domain/citizen-promises/citizen-promise-form.schemas";
import { createCitizenPromiseDraft } from "~/domain/citizen-promises/create-citizen-promise-draft.server";
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
    title: "Nytt medborgarlöfte",
    intro:
      "Börja med rubrik och period. Sedan skriver ni bakgrund, problembild och löftena i redigeraren; varje sparning blir en ny version.",
    docTitle: "Rubrik",
    docTitleHint: "T.ex. ”Medborgarlöfte 2017 Polis och Sollefteå kommun”.",
    agreement: "Hör till överenskommelsen",
    agreementHint: "Då kan löftena kopplas till överenskommelsens fokusområden.",
    noAgreement: "Ingen, löftet står för sig",
    submit: "Skapa utkast",
    back: "Tillbaka till {name}",
  },
  en: {
    title: "New citizen promise",
    intro:
      "Start with the title and period. Then write the background, problem picture and commitments in the editor; every save becomes a new version.",
    docTitle: "Title",
    docTitleHint: "E.g. “Medborgarlöfte 2017 Polis och Sollefteå kommun”.",
    agreement: "Belongs to the agreement",
    agreementHint: "Its commitments can then be linked to the agreement's focus areas.",
    noAgreement: "None, the promise stands on its own",
    submit: "Create draft",
    back: "Back to {name}",
  },
});

export const meta: Route.MetaFunction = () => [{ title: "Nytt medborgarlöfte – Tryggsam" }];

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const ctx = context.get(appContext);
  const { id: partnershipId } = uuidParams(params, "id");
  const actor = requireUser(ctx.actor, request);
  const { partnership, agreements } = await pageCall(async () => {
    requirePartnershipPermission(actor, "agreement.edit", partnershipId);
    return {
      partnership: await getPartnership(ctx, partnershipId),
      agreements: await findAgreements(ctx, partnershipId),
    };
  });
  return {
    partnership: { id: partnership.id, name: partnership.name },
    agreements: agreements.map((a) => ({ id: a.id, title: a.title })),
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const ctx = context.get(appContext);
  const { id: partnershipId } = uuidParams(params, "id");
  requireUser(ctx.actor, request);
  // Another partnership's, or one the actor may not write in, answers with the error page.
  return handleForm(request, newCitizenPromiseFormSchema, ({ content, agreementId }) =>
    pageCall(async () => {
      const { id } = await createCitizenPromiseDraft(ctx, partnershipId, content, { agreementId });
      return redirect(`/medborgarloften/${id}/redigera`);
    }),
  );
}

export default function NewCitizenPromise({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT(messages);
  const [form, fields] = useForm({
    id: "new-citizen-promise",
    lastResult: actionData,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newCitizenPromiseFormSchema }),
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
        <ErrorSummary
          form={form}
          fields={[fields.title, fields.periodFrom, fields.periodTo, fields.agreementId]}
        />
        <TextField field={fields.title} label={t("docTitle")} description={t("docTitleHint")} required />
        <PeriodFields
          from={fields.periodFrom}
          to={fields.periodTo}
          continues={fields.continuesUntilReplaced}
        />
        {loaderData.agreements.length ? (
          <SelectField
            field={fields.agreementId}
            label={t("agreement")}
            description={t("agreementHint")}
            placeholder={t("noAgreement")}
            options={loaderData.agreements.map((a) => ({ value: a.id, label: a.title }))}
          />
        ) : null}
        <SubmitButton>{t("submit")}</SubmitButton>
      </PostForm>
    </div>
  );
}
