import "../../i18n/index.ts";
import { Checkbox, Grid, isOptionsGroup, type OptionsFilter, Select, TextInput } from "@mantine/core";
import type { GetInputPropsReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { UF_NAMES, UFS } from "../../../../../shared/brazil.ts";
import { maskCep } from "../masks.ts";
import { ADDRESS_TYPES, type AddressField } from "./address-values.ts";

const UF_OPTIONS = UFS.map((uf) => ({ value: uf, label: `${uf} — ${UF_NAMES[uf]}` }));

const fold = (s: string) => s.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");

/** "sao" finds "SP — São Paulo", "para" finds "Pará" and "Paraná". */
const filterUf: OptionsFilter = ({ options, search }) =>
  options.filter((o) => !isOptionsGroup(o) && fold(o.label).includes(fold(search.trim())));

export type AddressFieldsProps = {
  inputProps: (field: AddressField, options?: { type: "checkbox" }) => GetInputPropsReturnType;
  setZip: (value: string) => void;
  autoFocus?: boolean;
};

/** The fields of one address, shared by the address dialog and the new-person form. */
export function AddressFields({ inputProps, setZip, autoFocus = false }: AddressFieldsProps) {
  const { t } = useTranslation();
  const zip = inputProps("zip");
  return (
    <Grid gap="sm">
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <Select
          label={t("person.addresses.type")}
          data={ADDRESS_TYPES.map((type) => ({ value: type, label: t(`person.addresses.types.${type}`) }))}
          allowDeselect={false}
          data-autofocus={autoFocus || undefined}
          {...inputProps("type")}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <TextInput
          label={t("person.addresses.zip")}
          withAsterisk
          placeholder="00000-000"
          inputMode="numeric"
          autoComplete="off"
          {...zip}
          onChange={(event) => setZip(maskCep(event.currentTarget.value))}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }} style={{ alignSelf: "center" }}>
        <Checkbox
          mt={{ sm: "lg" }}
          label={t("person.addresses.isMain")}
          {...inputProps("isMain", { type: "checkbox" })}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 9 }}>
        <TextInput label={t("person.addresses.street")} withAsterisk autoComplete="off" {...inputProps("street")} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 3 }}>
        <TextInput label={t("person.addresses.number")} withAsterisk autoComplete="off" {...inputProps("number")} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput label={t("person.addresses.complement")} autoComplete="off" {...inputProps("complement")} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput label={t("person.addresses.district")} withAsterisk autoComplete="off" {...inputProps("district")} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 5 }}>
        <TextInput label={t("person.addresses.city")} withAsterisk autoComplete="off" {...inputProps("city")} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <Select
          label={t("person.addresses.state")}
          withAsterisk
          data={UF_OPTIONS}
          searchable
          filter={filterUf}
          nothingFoundMessage={t("person.addresses.noState")}
          {...inputProps("state")}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 3 }}>
        <TextInput
          label={t("person.addresses.ibgeCode")}
          inputMode="numeric"
          maxLength={7}
          autoComplete="off"
          {...inputProps("ibgeCode")}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <TextInput label={t("person.addresses.country")} autoComplete="off" {...inputProps("country")} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 8 }}>
        <TextInput label={t("person.addresses.reference")} autoComplete="off" {...inputProps("reference")} />
      </Grid.Col>
    </Grid>
  );
}
