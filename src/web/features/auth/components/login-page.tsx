import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { safeNext, useLogin } from "../../../app/auth.ts";
import { useErrorMessage } from "../../../app/error-message.ts";
import { usePageTitle } from "../../../app/page-title.ts";

type Errors = { username?: string; password?: string };

/**
 * The one page every visitor loads first, so it stays light: two required fields need
 * neither zod nor @mantine/form (they load with the admin pages); the server checks the rest.
 */
export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t("login.submit"));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const login = useLogin();
  const errorMessage = useErrorMessage();
  const usernameRef = useRef<HTMLInputElement>(null);
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Errors>({});

  useEffect(() => usernameRef.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {
      username: username.trim() ? undefined : t("login.usernameRequired"),
      password: password ? undefined : t("login.passwordRequired"),
    };
    setErrors(found);
    if (found.username || found.password) return;
    login.mutate(
      { username, password },
      { onSuccess: () => navigate(safeNext(params.get("next")), { replace: true }) },
    );
  };

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper component="main" withBorder shadow="sm" p="xl" w="100%" maw={400}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <div>
              <Title order={1} size="h2">
                {t("login.title")}
              </Title>
              <Text size="sm" c="dimmed" mt={4}>
                {t("login.subtitle")}
              </Text>
            </div>
            {login.isError && (
              <Alert color="red" title={t("login.failed")}>
                {errorMessage(login.error)}
              </Alert>
            )}
            <TextInput
              ref={usernameRef}
              label={t("login.username")}
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              error={errors.username}
              onChange={(event) => setUsername(event.currentTarget.value)}
            />
            <PasswordInput
              label={t("login.password")}
              name="password"
              autoComplete="current-password"
              visibilityToggleButtonProps={{ "aria-label": t("login.togglePassword") }}
              value={password}
              error={errors.password}
              onChange={(event) => setPassword(event.currentTarget.value)}
            />
            <Button type="submit" loading={login.isPending} fullWidth>
              {t("login.submit")}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
