/**
 * The strings of critical factors and the Spy System, in Brazilian Portuguese. They come with the feature's lazy chunks
 * (./index.ts registers them), never with the first load; en.ts has the same keys (checked by its type).
 */
export const watchersPtBR = {
  critical: {
    badgeLabel: "Fatores críticos: {{critical}}, {{attention}}",
    criticalCount_zero: "{{count}} críticos",
    criticalCount_one: "{{count}} crítico",
    criticalCount_other: "{{count}} críticos",
    attentionCount: "{{count}} em atenção",
    none: "Sem fatores críticos",
    panelTitle: "Fatores críticos — {{name}}",
    rule: "Crítico: vencido há mais de {{n}} dias. Em atenção: vencido há {{n}} dias ou menos, ou vence nos próximos {{m}} dias. Dias contados no fuso {{zone}}.",
    empty: "Nenhum atendimento crítico ou em atenção.",
    level: {
      critical: "Crítico",
      attention: "Em atenção",
    },
    overdueDays_zero: "vence hoje",
    overdueDays_one: "{{count}} dia em atraso",
    overdueDays_other: "{{count}} dias em atraso",
    dueToday: "vence hoje",
    dueInDays_zero: "vence hoje",
    dueInDays_one: "vence amanhã",
    dueInDays_other: "vence em {{count}} dias",
    dueAt: "Vencimento {{date}}",
    ticket: {
      service: "Atendimento {{number}}",
      production: "Produção {{number}}",
    },
    responsible: "Responsável: {{name}}",
    noResponsible: "Sem responsável",
    sectorLabel: "Setor {{name}}",
    open: "Abrir a pessoa",
    pageTitle: "Fatores críticos",
    pageIntro:
      "Atendimentos abertos vencidos ou perto do vencimento, de todas as pessoas que você pode ver, por setor.",
    filterSector: "Setor",
    filterResponsible: "Responsável",
    allSectors: "Todos os setores",
    anyone: "Todos",
    settings: {
      title: "Fatores críticos",
      intro:
        "Quando um atendimento aberto vira fator crítico. Os dias são dias de calendário no fuso da empresa ({{zone}}).",
      thresholdDays: "Crítico após (dias de atraso)",
      thresholdHint: "Vencido há mais de N dias: crítico.",
      warnDays: "Aviso antecipado (dias)",
      warnHint: "Vence nos próximos M dias (ou vencido há N dias ou menos): em atenção.",
      include: "Tipos que contam",
      includeHint: "Vazio: todos os tipos contam.",
      exclude: "Tipos que nunca contam",
      excludeHint: "Vale mais que a lista acima.",
      saved: "Regras de fatores críticos salvas.",
      stale: "Outra pessoa alterou estas regras; os dados foram recarregados.",
    },
  },
  watch: {
    watchers_zero: "Ninguém monitora",
    watchers_one: "{{count}} pessoa monitora",
    watchers_other: "{{count}} pessoas monitoram",
    eyeLabel: "Monitoramento (Spy System): {{count}} monitorando",
    title: "Monitoramento",
    intro: "Quem monitora recebe e-mail a cada atendimento aberto, parecer ou encerramento desta pessoa.",
    nobody: "Ninguém monitora esta pessoa.",
    you: "você",
    since: "desde {{date}}",
    watch: "Monitorar",
    unwatch: "Deixar de monitorar",
    watching: "Você passou a monitorar esta pessoa.",
    stopped: "Você deixou de monitorar esta pessoa.",
    preferences: {
      title: "Avisos do monitoramento",
      intro: "Como você recebe os e-mails das pessoas que monitora.",
      immediate: "Um e-mail a cada evento, na hora",
      digest: "Um resumo por dia (enviado depois da meia-noite)",
      saved: "Preferência de avisos salva.",
    },
  },
};

export type WatchersMessages = typeof watchersPtBR;
