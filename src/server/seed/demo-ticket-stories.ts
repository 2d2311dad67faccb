/**
 * What tickets sound like at the support desk of a Brazilian software house: per ticket type, a
 * few stories, each a subject, the opening note, follow-ups in the order they happen, and the
 * note that closes it. A demo ticket tells the first part of one story.
 */
export type Story = { subject: string; opening: string; followUps: string[]; closing: string };

export const STORIES: Record<string, Story[]> = {
  "Suporte técnico": [
    {
      subject: "Erro ao emitir NF-e: rejeição 539",
      opening:
        "Cliente ligou: a emissão da NF-e para na transmissão com a rejeição 539 (duplicidade de NF-e com diferença na chave de acesso).",
      followUps: [
        "Acessei remotamente e coletei o XML das notas 1520 e 1521.",
        "A nota 1520 foi autorizada na SEFAZ, mas o retorno não chegou ao sistema por queda de internet.",
        "Consultado o protocolo na SEFAZ e atualizado o status da nota no sistema.",
        "Orientado o cliente a não reenviar notas com status pendente sem antes consultar.",
      ],
      closing: "Notas sincronizadas com a SEFAZ; cliente emitiu nova nota com sucesso.",
    },
    {
      subject: "Sistema lento no fechamento do caixa",
      opening:
        "Relata lentidão desde segunda-feira no fechamento do caixa, principalmente entre 11h e 14h. Três estações afetadas.",
      followUps: [
        "Verificado o servidor: disco com 96% de ocupação.",
        "Cliente autorizou a limpeza dos arquivos de log antigos.",
        "Liberados 40 GB; reindexadas as tabelas de movimento.",
        "Vou acompanhar o fechamento de amanhã com a gerente da loja.",
      ],
      closing: "Fechamento do caixa voltou a levar menos de um minuto. Cliente confirmou por telefone.",
    },
    {
      subject: "Certificado digital não reconhecido",
      opening: "Após trocar o computador do faturamento, o sistema não encontra o certificado A1 da empresa.",
      followUps: [
        "Certificado estava instalado apenas no usuário do Windows antigo.",
        "Cliente não tem a senha do arquivo .pfx; pediu ao contador.",
        "Contador enviou a senha; certificado instalado no repositório da máquina.",
      ],
      closing: "Certificado reconhecido e nota de teste emitida em homologação.",
    },
  ],
  Dúvida: [
    {
      subject: "Como gerar o relatório de vendas por vendedor",
      opening: "Cliente não encontra o relatório de vendas por vendedor com o filtro de período.",
      followUps: [
        "Enviado o caminho: Relatórios › Vendas › Por vendedor, com o filtro de período.",
        "Cliente pediu também o total por forma de pagamento.",
      ],
      closing: "Orientado por telefone; cliente gerou os dois relatórios.",
    },
    {
      subject: "Como cancelar uma nota emitida há mais de 24 horas",
      opening: "Dúvida enviada pelo portal: precisa cancelar uma NF-e emitida anteontem.",
      followUps: [
        "Explicado que passado o prazo é preciso emitir nota de devolução ou pedir cancelamento extemporâneo.",
        "Contador do cliente entrou na conversa e vai decidir o procedimento.",
      ],
      closing: "Contador optou pela nota de devolução; cliente emitiu com nossa orientação.",
    },
  ],
  Reclamação: [
    {
      subject: "Demora no retorno do suporte",
      opening: "Cliente muito insatisfeito: diz que abriu dois chamados na semana passada e ninguém retornou.",
      followUps: [
        "Localizados os chamados: ficaram sem responsável após a troca de escala.",
        "Liguei para o cliente, pedi desculpas e assumi os dois chamados.",
        "Gerente de contas informado; combinada visita na próxima semana.",
      ],
      closing: "Chamados pendentes resolvidos e cliente satisfeito com o retorno.",
    },
    {
      subject: "Cobrança em duplicidade na mensalidade",
      opening: "Cliente recebeu dois boletos com o mesmo vencimento e quer o estorno imediato.",
      followUps: [
        "Financeiro confirmou a duplicidade no faturamento do dia 5.",
        "Estorno solicitado ao banco; prazo de 2 dias úteis.",
      ],
      closing: "Estorno realizado e comprovante enviado ao cliente por e-mail.",
    },
  ],
  "Solicitação comercial": [
    {
      subject: "Orçamento para mais 5 licenças",
      opening: "Cliente vai abrir uma filial e pediu proposta para mais 5 usuários.",
      followUps: [
        "Proposta enviada por e-mail com validade de 15 dias.",
        "Cliente pediu 10% de desconto para pagamento anual.",
        "Desconto de 8% aprovado pela diretoria.",
      ],
      closing: "Proposta aceita; pedido encaminhado ao faturamento.",
    },
    {
      subject: "Demonstração do módulo fiscal",
      opening: "Interesse no Módulo Fiscal para apurar o ICMS-ST; quer demonstração para o contador.",
      followUps: [
        "Demonstração agendada para quinta-feira às 14h.",
        "Demonstração feita; contador pediu a lista de obrigações atendidas.",
      ],
      closing: "Cliente optou por adiar a compra para o próximo trimestre.",
    },
  ],
  Implantação: [
    {
      subject: "Implantação do módulo de estoque",
      opening: "Início da implantação combinado para segunda-feira; cliente enviou a planilha de produtos.",
      followUps: [
        "Importados 3.420 produtos; 57 com NCM inválido devolvidos ao cliente para correção.",
        "Treinamento da primeira turma realizado (6 pessoas).",
        "Pendente: parametrização do inventário rotativo.",
        "Inventário inicial conferido com o cliente.",
      ],
      closing: "Implantação concluída e termo de aceite assinado.",
    },
  ],
  "Correção de defeito": [
    {
      subject: "Relatório de comissões soma o frete duas vezes",
      opening:
        "Reproduzido na base do cliente: o total de comissões diverge do somatório das notas quando há frete. Base anexada.",
      followUps: [
        "Causa encontrada: a consulta junta os itens de frete duas vezes.",
        "Correção em revisão de código.",
        "Correção publicada na versão 4.12.3 de homologação.",
        "Cliente validou em homologação; aguardando janela para atualizar a produção.",
      ],
      closing: "Correção liberada na versão 4.12.3 e confirmada pelo cliente.",
    },
    {
      subject: "Cálculo do DIFAL incorreto para MG",
      opening: "Suporte confirmou: o DIFAL de vendas para consumidor final em MG usa a alíquota interna antiga.",
      followUps: [
        "Tabela de alíquotas atualizada no ambiente de testes.",
        "Testes fiscais aprovados pelo consultor tributário.",
      ],
      closing: "Correção liberada na atualização automática de sexta-feira.",
    },
  ],
  Melhoria: [
    {
      subject: "Exportar o relatório de inadimplência para Excel",
      opening: "Sugestão do cliente, reforçada por outros três clientes do segmento.",
      followUps: [
        "Avaliado pelo produto: entra no planejamento da versão 4.13.",
        "Protótipo da exportação enviado para validação.",
      ],
      closing: "Melhoria entregue na versão 4.13.",
    },
  ],
  Customização: [
    {
      subject: "Layout de boleto personalizado",
      opening: "Cliente aprovou o orçamento de 40 horas para o layout de boleto com a marca da empresa.",
      followUps: [
        "Especificação validada com o cliente.",
        "Desenvolvimento em andamento; entrega prevista para o fim do mês.",
      ],
      closing: "Customização entregue e homologada pelo cliente.",
    },
  ],
};

export const SECTOR_OF_TYPE: Record<string, string> = {
  "Suporte técnico": "Suporte",
  Dúvida: "Suporte",
  Reclamação: "Suporte",
  "Solicitação comercial": "Comercial",
  Implantação: "Implantação",
  "Correção de defeito": "Desenvolvimento",
  Melhoria: "Desenvolvimento",
  Customização: "Desenvolvimento",
};
