import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/account";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, PostForm, SubmitButton, TextField, NewPasswordFields } from "~/components/form";
import { findApiTokens } from "~/domain/users/api-token.queries.server";
import { changePassword } from "~/domain/users/change-password.server";
import { createApiToken } from "~/domain/users/create-api-token.server";
import { revokeApiToken } from "~/domain/users/revoke-api-token.server";
import { apiTokenSchema, changePasswordSchema } from "~/domain/users/user.schemas";
import { defineMessages } from "~/i18n/messages";
import { useDateTimeFormat, useT } from "~/i18n/use-t";
import { handleForm } from "~/lib/form-action.server";
import { throwAsPageError } from "~/lib/http.server";
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
    apiTokens: "API-nycklar",
    apiTokensIntro:
      "Med en API-nyckel kan ett program använda Tryggsams API i ditt namn och med dina behörigheter. Återkalla en nyckel som inte längre behövs.",
    apiDocs: "Beskrivning av API:t (OpenAPI)",
    tokenName: "Namn på nyckeln",
    tokenNameHint: "Vad nyckeln används till, t.ex. ”Rapport till kommunstyrelsen”.",
    createToken: "Skapa API-nyckel",
    created: "API-nyckeln ”{name}” är skapad. Kopiera den nu – den visas inte igen.",
    createdLabel: "Din nya API-nyckel",
    noTokens: "Du har inga API-nycklar.",
    colName: "Namn",
    colCreated: "Skapad",
    colLastUsed: "Senast använd",
    colActions: "Åtgärder",
    never: "Aldrig",
    revoke: "Återkalla",
    revoked: "API-nyckeln är återkallad och fungerar inte längre.",
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
    apiTokens: "API tokens",
    apiTokensIntro:
      "With an API token a program can use Tryggsam's API on your behalf, with your permissions. Revoke a token that is no longer needed.",
    apiDocs: "Description of the API (OpenAPI)",
    tokenName: "Name of the token",
    tokenNameHint: "What the token is for, e.g. “Report to the municipal board”.",
    createToken: "Create API token",
    created: "The API token “{name}” has been created. Copy it now – it will not be shown again.",
    createdLabel: "Your new API token",
    noTokens: "You have no API tokens.",
    colName: "Name",
    colCreated: "Created",
    colLastUsed: "Last used",
    colActions: "Actions",
    never: "Never",
    revoke: "Revoke",
    revoked: "The API token has been revoked and no longer works.",
  },
});

const revokeSchema = z.object({ id: z.guid() });

export const meta: Route.MetaFunction = () => [{ title: "Mitt konto – Tryggsam" }];

// A new API token is in the page once: it must not be kept by any cache.
export const headers: Route.HeadersFunction = () => ({ "Cache-Control": "no-store" });

export async function loader({ context, request }: Route.LoaderArgs) {
  const ctx = context.get(appContext);
  if (ctx.actor.kind !== "user")
    throw redirect(`/logga-in?tillbaka=${encodeURIComponent(new URL(request.url).pathname)}`);
  const search = new URL(request.url).searchParams;
  return {
    name: ctx.actor.name,
    email: ctx.actor.email,
    changed: search.has("bytt"),
    revoked: search.has("aterkallad"),
    apiTokens: await findApiTokens(ctx),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const ctx = context.get(appContext);
  if (ctx.actor.kind !== "user") throw data(null, { status: 401 });
  const formData = await request.formData();
  const intent = formData.get("intent");
  switch (typeof intent === "string" ? intent : "") {
    case "create-token": {
      const submission = parseWithZod(formData, { schema: apiTokenSchema });
      if (submission.status !== "success") {
        return data(
          { intent: "create-token" as const, reply: submission.reply(), created: null },
          { status: 400 },
        );
      }
      const { token, apiToken } = await createApiToken(ctx, submission.value);
      return {
        intent: "create-token" as const,
        reply: submission.reply({ resetForm: true }),
        created: { name: apiToken.name, token },
      };
    }
    case "revoke-token": {
      const parsed = revokeSchema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) throw data({ code: "NOT_FOUND" }, { status: 404 });
      await revokeApiToken(ctx, parsed.data.id).catch(throwAsPageError);
      return redirect("/konto?aterkallad=1#api-nycklar");
    }
    default: {
      const result = await handleForm(
        request,
        changePasswordSchema,
        async (value) => {
          await changePassword(ctx, value, ctx.sessionToken);
          return redirect("/konto?bytt=1");
        },
        formData,
      );
      if (result instanceof Response) return result;
      return data(
        { intent: "change-password" as const, reply: result.data, created: null },
        result.init ?? undefined,
      );
    }
  }
}

export default function Account({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT(messages);
  const [passwordForm, passwordFields] = useForm({
    id: "change-password",
    lastResult: actionData?.intent === "change-password" ? actionData.reply : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changePasswordSchema }),
    shouldRevalidate: "onBlur",
  });
  const [tokenForm, tokenFields] = useForm({
    id: "create-token",
    lastResult: actionData?.intent === "create-token" ? actionData.reply : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: apiTokenSchema }),
    shouldRevalidate: "onBlur",
  });
  const created = actionData?.intent === "create-token" ? actionData.created : null;
  const when = useDateTimeFormat();
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
      <PostForm form={passwordForm}>
        <input type="hidden" name="intent" value="change-password" />
        <ErrorSummary
          form={passwordForm}
          fields={[passwordFields.currentPassword, passwordFields.password, passwordFields.passwordConfirm]}
        />
        <TextField
          field={passwordFields.currentPassword}
          label={t("current")}
          type="password"
          autoComplete="current-password"
          required
        />
        <NewPasswordFields
          password={passwordFields.password}
          passwordConfirm={passwordFields.passwordConfirm}
          labels={{ password: t("password"), hint: t("passwordHint"), confirm: t("passwordConfirm") }}
        />
        <SubmitButton>{t("submit")}</SubmitButton>
      </PostForm>

      <h2 className="ds-heading" data-size="md" id="api-nycklar" tabIndex={-1}>
        {t("apiTokens")}
      </h2>
      <p className="ds-paragraph">
        {t("apiTokensIntro")}{" "}
        <a className="ds-link" href="/api/v1/openapi.json">
          {t("apiDocs")}
        </a>
      </p>
      {loaderData.revoked ? (
        <div className="ds-alert" data-color="success" role="status">
          {t("revoked")}
        </div>
      ) : null}
      {created ? (
        <div className="ds-alert" data-color="success" role="status">
          <p className="ds-paragraph">{t("created").replace("{name}", created.name)}</p>
          <label className="ds-label" htmlFor="new-api-token">
            {t("createdLabel")}
          </label>
          <input
            className="ds-input"
            id="new-api-token"
            readOnly
            value={created.token}
            spellCheck={false}
            autoComplete="off"
          />
        </div>
      ) : null}
      {loaderData.apiTokens.length === 0 ? (
        <p className="ds-paragraph">{t("noTokens")}</p>
      ) : (
        <div className="table-wrap">
          <table className="ds-table">
            <caption className="visually-hidden">{t("apiTokens")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("colName")}</th>
                <th scope="col">{t("colCreated")}</th>
                <th scope="col">{t("colLastUsed")}</th>
                <th scope="col">{t("colActions")}</th>
              </tr>
            </thead>
            <tbody>
              {loaderData.apiTokens.map((apiToken) => (
                <tr key={apiToken.id}>
                  <th scope="row">{apiToken.name}</th>
                  <td>{when.format(apiToken.createdAt)}</td>
                  <td>{apiToken.lastUsedAt ? when.format(apiToken.lastUsedAt) : t("never")}</td>
                  <td>
                    <Form method="post" className="inline-form">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="revoke-token" />
                      <input type="hidden" name="id" value={apiToken.id} />
                      <button type="submit" className="ds-button" data-variant="secondary" data-size="sm">
                        {t("revoke")}
                        <span className="visually-hidden"> {apiToken.name}</span>
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PostForm form={tokenForm}>
        <input type="hidden" name="intent" value="create-token" />
        <ErrorSummary form={tokenForm} fields={[tokenFields.name]} />
        <TextField
          field={tokenFields.name}
          label={t("tokenName")}
          description={t("tokenNameHint")}
          autoComplete="off"
          required
        />
        <SubmitButton>{t("createToken")}</SubmitButton>
      </PostForm>
    </div>
  );
}
