import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { Address, AddressInput } from "../../../../shared/persons.schemas.ts";
import { api } from "../../../app/api.ts";
import { personKey, withCategory } from "../../../app/person-keys.ts";

export type AddressPatch = Partial<AddressInput> & { version: number };

const addressesKey = (code: number) => [...personKey(code), "addresses"] as const;

export const addressesQuery = (code: number, categoryId: number) =>
  queryOptions({
    queryKey: [...addressesKey(code), categoryId] as const,
    queryFn: () =>
      api.get<{ items: Address[]; nextCursor: null }>(withCategory(`/api/persons/${code}/addresses`, categoryId)),
  });

/** Every address change refreshes the list: making one the default one demotes the others. */
function useAddressMutation<V>(code: number, mutationFn: (variables: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: addressesKey(code) }),
  });
}

export const useCreateAddress = (code: number, categoryId: number) =>
  useAddressMutation(code, (body: AddressInput) =>
    api.post<Address>(withCategory(`/api/persons/${code}/addresses`, categoryId), body),
  );

export const useUpdateAddress = (code: number, categoryId: number) =>
  useAddressMutation(code, ({ id, body }: { id: number; body: AddressPatch }) =>
    api.patch<Address>(withCategory(`/api/addresses/${id}`, categoryId), body),
  );

export const useDeleteAddress = (code: number, categoryId: number) =>
  useAddressMutation(code, (id: number) => api.delete<null>(withCategory(`/api/addresses/${id}`, categoryId)));
