/** The login page's strings (first load: i18n/pt-BR.ts includes them); en.ts has the same keys. */
export const authPtBR = {
  login: {
    title: "Entrar no Vínculo",
    subtitle: "Use o usuário e a senha fornecidos pelo administrador.",
    username: "Usuário",
    password: "Senha",
    usernameRequired: "Informe o usuário.",
    passwordRequired: "Informe a senha.",
    togglePassword: "Mostrar ou ocultar os caracteres digitados",
    submit: "Entrar",
    failed: "Não foi possível entrar",
  },
};

export type AuthMessages = typeof authPtBR;
