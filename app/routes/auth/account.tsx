import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "react-router";
import type { Route } from "./+types/account";
import { ErrorSummary, PostForm, SubmitButton, TextField } from "~/components/form";
import { changePassword } from "~/domain/users/change-password.server";
import { changePasswordSchema } from "~/domain/users/user.schemas";
import { defineMessages } from "~/i18n/messages";
import { useT } from "~/i18n/use-t";
import { handleForm } from "~/lib/form-action.server";
import { appContext } from "~/lib/request-context.server";

const messages = defineMessages({
  sv: {
    title: "Mitt konto",
    signedInAs: "Inloggad som",
    changePassword: "Byt lösenord",
    current: "Nuvarande lösenord",
    password: "Nytt lösenord",
    passwordHint: "Minst 12 tecken.",
    passwordConfirm: "Upprepa det nya lösenordet",
    submit: "Byt lösenord",
    changed: "Lösenordet är bytt. Du har loggats ut på andra enheter.",
  },
  en: {
    title: "My account",
    signedInAs: "Logged in as",
    changePassword: "Change password",
    current: "Current password",
    password: "New password",
    passwordHint: "At least 12 characters.",
    passwordConfirm: "Repeat the new password",
    submit: "Change password",
    changed: "Your password has been changed. You have been logged out on other devices.",
  },
});

export const meta: Route.MetaFunction = () => [{ title: "Mitt konto – Tryggsam" }];

export async function loader({ context, request }: Route.LoaderArgs) {
  const { actor } = context.get(appContext);
  if (actor.kind !== "user")
    throw redirect(`/logga-in?tillbaka=${encodeURIComponent(new URL(request.url).pathname)}`);
  return { name: actor.name, email: actor.email, changed: new URL(request.url).searchParams.has("bytt") };
}

export async function action({ request, context }: Route.ActionArgs) {
  const ctx = context.get(appContext);
  if (ctx.actor.kind !== "user") throw data(null, { status: 401 });
  return handleForm(request, changePasswordSchema, async (value) => {
    await changePassword(ctx, value, ctx.sessionToken);
    return redirect("/konto?bytt=1");
  });
}

export default function Account({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT(messages);
  const [form, fields] = useForm({
    id: "change-password",
    lastResult: actionData,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changePasswordSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <div className="narrow">
      <h1 className="ds-heading" data-size="lg">
        {t("title")}
      </h1>
      <p className="ds-paragraph">
        {t("signedInAs")} {loaderData.name} ({loaderData.email}).
      </p>
      {loaderData.changed ? (
        <div className="ds-alert" data-color="success" role="status">
          {t("changed")}
        </div>
      ) : null}
      <h2 className="ds-heading" data-size="md">
        {t("changePassword")}
      </h2>
      <PostForm form={form}>
        <ErrorSummary
          form={form}
          fields={[fields.currentPassword, fields.password, fields.passwordConfirm]}
        />
        <TextField
          field={fields.currentPassword}
          label={t("current")}
          type="password"
          autoComplete="current-password"
          required
        />
        <TextField
          field={fields.password}
          label={t("password")}
          description={t("passwordHint")}
          type="password"
          autoComplete="new-password"
          required
        />
        <TextField
          field={fields.passwordConfirm}
          label={t("passwordConfirm")}
          type="password"
          autoComplete="new-password"
          required
        />
        <SubmitButton>{t("submit")}</SubmitButton>
      </PostForm>
    </div>
  );
}
