/**
 * The strings of why Conta corrente is off for a user: the one sentence the person screen needs before the tab's own chunk, in Brazilian Portuguese. They come with the feature's lazy chunks
 * (./index.ts registers them), never with the first load; en.ts has the same keys (checked by its type).
 */
export const currentAccountGatePtBR = {
  currentAccountGate: {
    reason: "Disponível somente para usuários vinculados a um funcionário ou representante.",
  },
};

export type CurrentAccountGateMessages = typeof currentAccountGatePtBR;
