import type { AuthMessages } from "./pt-BR.ts";

/** English of the login page (with i18n/en.ts, only for those who chose English). */
export const authEn: AuthMessages = {
  login: {
    title: "Sign in to Vínculo",
    subtitle: "Use the username and password your administrator gave you.",
    username: "Username",
    password: "Password",
    usernameRequired: "Enter your username.",
    passwordRequired: "Enter your password.",
    togglePassword: "Show or hide the typed characters",
    submit: "Sign in",
    failed: "Could not sign in",
  },
};
