import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "react-router";
import type { z } from "zod";
import { isAppError } from "~/errors/app-error";

const SECRET_FIELDS = ["password", "passwordConfirm", "currentPassword", "csrf"];

/**
 * Parses a form with its schema and runs the write. Invalid input, and expected failures of the
 * write, come back as Conform's reply with the status (400, 409, 429…), for the page to show by
 * each field; passwords are never sent back.
 */
export async function handleForm<S extends z.ZodType>(
  request: Request,
  schema: S,
  run: (value: z.output<S>, formData: FormData) => Promise<Response>,
  formData?: FormData,
) {
  const form = formData ?? (await request.formData());
  const submission = parseWithZod(form, { schema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: SECRET_FIELDS }), { status: 400 });
  }
  try {
    return await run(submission.value, form);
  } catch (error) {
    if (!isAppError(error) || error.httpStatus >= 500 || error.code === "NOT_FOUND") throw error;
    const fieldErrors = error.fields;
    const hasFieldErrors = Object.keys(fieldErrors).length > 0;
    return data(
      submission.reply({
        hideFields: SECRET_FIELDS,
        fieldErrors,
        formErrors: hasFieldErrors ? [] : [error.message],
      }),
      { status: error.code === "VALIDATION" ? 400 : error.httpStatus },
    );
  }
}
