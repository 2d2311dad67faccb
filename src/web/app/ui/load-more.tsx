import { Button, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** What an infinite query offers for its next page (TanStack Query's useInfiniteQuery result fits). */
export type NextPages = { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> };

/** "Carregar mais" under a keyset list: shown while the server says there is a next page. */
export function LoadMore({ pages }: { pages: NextPages }) {
  const { t } = useTranslation();
  if (!pages.hasNextPage) return null;
  return (
    <Group justify="center" mt="sm">
      <Button variant="default" onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
        {t("common.loadMore")}
      </Button>
    </Group>
  );
}
