import { z } from "zod";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;
export const NAME_MAX = 200;
export const EMAIL_MAX = 254;

export const emailSchema = z
  .string({ message: "Ange en e-postadress." })
  .trim()
  .min(1, "Ange en e-postadress.")
  .max(EMAIL_MAX, `E-postadressen får vara högst ${EMAIL_MAX} tecken.`)
  .pipe(z.email("Ange en giltig e-postadress, t.ex. namn@kommun.se."))
  .transform((value) => value.toLowerCase());

export const passwordSchema = z
  .string({ message: "Ange ett lösenord." })
  .min(PASSWORD_MIN, `Lösenordet måste vara minst ${PASSWORD_MIN} tecken.`)
  .max(PASSWORD_MAX, `Lösenordet får vara högst ${PASSWORD_MAX} tecken.`);

export const nameSchema = z
  .string({ message: "Ange ett namn." })
  .trim()
  .min(1, "Ange ett namn.")
  .max(NAME_MAX, `Namnet får vara högst ${NAME_MAX} tecken.`);

export const newAccountSchema = z
  .object({
    name: nameSchema,
    email: emailSchema,
    password: passwordSchema,
    passwordConfirm: z.string({ message: "Upprepa lösenordet." }),
  })
  .refine((value) => value.password === value.passwordConfirm, {
    path: ["passwordConfirm"],
    message: "Lösenorden är inte lika.",
  });
export type NewAccountInput = z.infer<typeof newAccountSchema>;

export const loginSchema = z.object({
  email: emailSchema,
  password: z.string({ message: "Ange ditt lösenord." }).min(1, "Ange ditt lösenord.").max(PASSWORD_MAX),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ message: "Ange ditt nuvarande lösenord." })
      .min(1, "Ange ditt nuvarande lösenord."),
    password: passwordSchema,
    passwordConfirm: z.string({ message: "Upprepa lösenordet." }),
  })
  .refine((value) => value.password === value.passwordConfirm, {
    path: ["passwordConfirm"],
    message: "Lösenorden är inte lika.",
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const acceptInvitationSchema = z
  .object({
    name: nameSchema,
    password: passwordSchema,
    passwordConfirm: z.string({ message: "Upprepa lösenordet." }),
  })
  .refine((value) => value.password === value.passwordConfirm, {
    path: ["passwordConfirm"],
    message: "Lösenorden är inte lika.",
  });
export type AcceptInvitationInput = z.infer<typeof acceptInvitationSchema>;

export const API_TOKEN_NAME_MAX = 100;

export const apiTokenSchema = z.object({
  name: z
    .string({ message: "Ge nyckeln ett namn." })
    .trim()
    .min(1, "Ge nyckeln ett namn.")
    .max(API_TOKEN_NAME_MAX, `Namnet får vara högst ${API_TOKEN_NAME_MAX} tecken.`),
});
export type ApiTokenInput = z.infer<typeof apiTokenSchema>;
