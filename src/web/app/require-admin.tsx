import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Outlet } from "react-router";
import { useMe } from "./auth.ts";

/** Mirrors the server's rule (it refuses with 403 anyway) so a non-admin sees why, not an error. */
export function RequireAdmin() {
  const { t } = useTranslation();
  const { user } = useMe();
  if (!user.isAdmin) return <Alert color="yellow">{t("errors.adminOnly")}</Alert>;
  return <Outlet />;
}
