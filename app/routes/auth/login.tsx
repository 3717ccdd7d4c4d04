import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { redirect } from "react-router";
import type { Route } from "./+types/login";
import { sessionCookie } from "~/lib/cookies.server";
import { ErrorSummary, PostForm, SubmitButton, TextField } from "~/components/form";
import { authenticate } from "~/domain/users/authenticate.server";
import { startSession } from "~/domain/users/sessions.server";
import { countUsers } from "~/domain/users/user.queries.server";
import { loginSchema } from "~/domain/users/user.schemas";
import { defineMessages } from "~/i18n/messages";
import { useT } from "~/i18n/use-t";
import { handleForm } from "~/lib/form-action.server";
import { appContext } from "~/lib/request-context.server";
import { safeRedirect } from "~/lib/safe-redirect";

const messages = defineMessages({
  sv: { title: "Logga in", email: "E-postadress", password: "Lösenord", submit: "Logga in" },
  en: { title: "Log in", email: "E-mail address", password: "Password", submit: "Log in" },
});

export const meta: Route.MetaFunction = () => [{ title: "Logga in – Tryggsam" }];

export async function loader({ context, request }: Route.LoaderArgs) {
  const { db, actor } = context.get(appContext);
  if ((await countUsers(db)) === 0) throw redirect("/forsta-start");
  if (actor.kind === "user")
    throw redirect(safeRedirect(new URL(request.url).searchParams.get("tillbaka"), "/samverkan"));
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const { db, secure, clientAddress } = context.get(appContext);
  const back = safeRedirect(new URL(request.url).searchParams.get("tillbaka"), "/samverkan");
  return handleForm(request, loginSchema, async (value) => {
    const user = await authenticate(db, value, clientAddress);
    const token = await startSession(db, user.id);
    return redirect(back, { headers: { "Set-Cookie": await sessionCookie(secure).serialize(token) } });
  });
}

export default function Login({ actionData }: Route.ComponentProps) {
  const t = useT(messages);
  const [form, fields] = useForm({
    id: "login",
    lastResult: actionData,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <div className="narrow">
      <h1 className="ds-heading" data-size="lg">
        {t("title")}
      </h1>
      <PostForm form={form}>
        <ErrorSummary form={form} fields={[fields.email, fields.password]} />
        <TextField field={fields.email} label={t("email")} type="email" autoComplete="username" required />
        <TextField
          field={fields.password}
          label={t("password")}
          type="password"
          autoComplete="current-password"
          required
        />
        <SubmitButton>{t("submit")}</SubmitButton>
      </PostForm>
    </div>
  );
}
