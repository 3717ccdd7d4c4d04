import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { redirect } from "react-router";
import type { Route } from "./+types/setup";
import { sessionCookie } from "~/lib/cookies.server";
import { ErrorSummary, PostForm, SubmitButton, TextField, NewPasswordFields } from "~/components/form";
import { createFirstAdmin } from "~/domain/users/create-user.server";
import { startSession } from "~/domain/users/sessions.server";
import { countUsers } from "~/domain/users/user.queries.server";
import { newAccountSchema } from "~/domain/users/user.schemas";
import { defineMessages } from "~/i18n/messages";
import { useT } from "~/i18n/use-t";
import { handleForm } from "~/lib/form-action.server";
import { appContext } from "~/lib/request-context.server";

const messages = defineMessages({
  sv: {
    title: "Kom igång med Tryggsam",
    intro:
      "Tryggsam har inga konton ännu. Skapa det första kontot: det blir administratör och kan sedan lägga upp samverkan och bjuda in fler.",
    name: "Ditt namn",
    email: "E-postadress",
    submit: "Skapa administratör",
  },
  en: {
    title: "Get started with Tryggsam",
    intro:
      "Tryggsam has no accounts yet. Create the first one: it becomes the administrator, who can then set up partnerships and invite others.",
    name: "Your name",
    email: "E-mail address",
    submit: "Create administrator",
  },
});

export const meta: Route.MetaFunction = () => [{ title: "Kom igång – Tryggsam" }];

export async function loader({ context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  if ((await countUsers(db)) > 0) throw redirect("/logga-in");
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const { db, actor, secure } = context.get(appContext);
  return handleForm(request, newAccountSchema, async (value) => {
    const user = await createFirstAdmin(
      { db, actor },
      { name: value.name, email: value.email, password: value.password },
    );
    const token = await startSession(db, user.id);
    return redirect("/samverkan", {
      headers: { "Set-Cookie": await sessionCookie(secure).serialize(token) },
    });
  });
}

export default function Setup({ actionData }: Route.ComponentProps) {
  const t = useT(messages);
  const [form, fields] = useForm({
    id: "setup",
    lastResult: actionData,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newAccountSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <div className="narrow">
      <h1 className="ds-heading" data-size="lg">
        {t("title")}
      </h1>
      <p className="ds-paragraph">{t("intro")}</p>
      <PostForm form={form}>
        <ErrorSummary
          form={form}
          fields={[fields.name, fields.email, fields.password, fields.passwordConfirm]}
        />
        <TextField field={fields.name} label={t("name")} autoComplete="name" required />
        <TextField field={fields.email} label={t("email")} type="email" autoComplete="email" required />
        <NewPasswordFields password={fields.password} passwordConfirm={fields.passwordConfirm} />
        <SubmitButton>{t("submit")}</SubmitButton>
      </PostForm>
    </div>
  );
}
