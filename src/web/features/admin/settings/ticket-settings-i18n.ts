/**
 * Strings of the ticket settings tabs (Tipos de atendimento, Setores, Produtos). They live here,
 * not in pt-BR.ts / en.ts, so they ship with the lazy settings page instead of the first load:
 * settings-page.tsx adds them with `i18n.addResourceBundle`, and i18n/index.ts types them.
 */
export const ticketSettingsPtBR = {
  ticketSettings: {
    area: "Área",
    areaHint: "Em qual aba da pessoa ficam os atendimentos deste tipo.",
    areaRequired: "Escolha a área.",
    areaInUse: "Este tipo já tem atendimentos: crie outro tipo para a outra área.",
    daysToDue: "Prazo em dias",
    daysToDueHint: "Dias entre a abertura e o vencimento do atendimento (0: vence no mesmo dia).",
    daysToDueRequired: "Informe o prazo em dias.",
    defaultPriority: "Prioridade padrão",
    defaultPriorityHint: "Já vem escolhida ao abrir um atendimento deste tipo.",
    areas: {
      service: "Atendimento",
      production: "Produção",
    },
    priorities: {
      low: "Baixa",
      normal: "Normal",
      high: "Alta",
      urgent: "Urgente",
    },
    ticketTypes: {
      title: "Tipos de atendimento",
      new: "Novo tipo de atendimento",
      edit: "Editar tipo de atendimento",
      editItem: "Editar o tipo de atendimento {{name}}",
      empty: "Nenhum tipo de atendimento cadastrado.",
      created: "Tipo de atendimento {{name}} criado.",
      saved: "Tipo de atendimento {{name}} alterado.",
    },
    sectors: {
      title: "Setores",
      new: "Novo setor",
      edit: "Editar setor",
      editItem: "Editar o setor {{name}}",
      empty: "Nenhum setor cadastrado.",
      created: "Setor {{name}} criado.",
      saved: "Setor {{name}} alterado.",
    },
    products: {
      title: "Produtos",
      new: "Novo produto",
      edit: "Editar produto",
      editItem: "Editar o produto {{name}}",
      empty: "Nenhum produto cadastrado.",
      created: "Produto {{name}} criado.",
      saved: "Produto {{name}} alterado.",
    },
  },
};

export type TicketSettingsMessages = typeof ticketSettingsPtBR;

/** Typed by the pt-BR object, so a missing key fails the type check. */
export const ticketSettingsEn: TicketSettingsMessages = {
  ticketSettings: {
    area: "Area",
    areaHint: "Which tab of the person holds tickets of this type.",
    areaRequired: "Choose the area.",
    areaInUse: "This type already has tickets: create another type for the other area.",
    daysToDue: "Days to due",
    daysToDueHint: "Days between opening a ticket and its due date (0: due the same day).",
    daysToDueRequired: "Enter the days to due.",
    defaultPriority: "Default priority",
    defaultPriorityHint: "Preselected when a ticket of this type is opened.",
    areas: {
      service: "Service",
      production: "Production",
    },
    priorities: {
      low: "Low",
      normal: "Normal",
      high: "High",
      urgent: "Urgent",
    },
    ticketTypes: {
      title: "Ticket types",
      new: "New ticket type",
      edit: "Edit ticket type",
      editItem: "Edit ticket type {{name}}",
      empty: "No ticket types yet.",
      created: "Ticket type {{name}} created.",
      saved: "Ticket type {{name}} saved.",
    },
    sectors: {
      title: "Sectors",
      new: "New sector",
      edit: "Edit sector",
      editItem: "Edit sector {{name}}",
      empty: "No sectors yet.",
      created: "Sector {{name}} created.",
      saved: "Sector {{name}} saved.",
    },
    products: {
      title: "Products",
      new: "New product",
      edit: "Edit product",
      editItem: "Edit product {{name}}",
      empty: "No products yet.",
      created: "Product {{name}} created.",
      saved: "Product {{name}} saved.",
    },
  },
};
