import { type Grant, TABS, type Tab } from "../../shared/access.schemas.ts";
import { generateCnpj, generateCpf } from "../../shared/brazil.ts";
import { createPersonBody, type Person } from "../../shared/persons.schemas.ts";
import type { AppContext, AuthUser } from "../context.ts";
import { createProfile } from "../features/access/profiles.service.ts";
import { createPerson } from "../features/persons/persons.service.ts";
import { createUser } from "../features/users/users.service.ts";
import { seedDemoAppointments } from "./demo-appointments.ts";
import { seedDemoFinance } from "./demo-finance.ts";
import { seedDemoMail } from "./demo-mail.ts";
import { seedDemoTickets } from "./demo-tickets.ts";
import { seedDemoWatchers } from "./demo-watchers.ts";
import {
  CITIES,
  COMPANY_NAMES,
  COMPANY_SUFFIXES,
  COMPANY_WORDS,
  DISTRICTS,
  FIRST_NAMES,
  PARTICLES,
  pickFrom,
  prng,
  STREETS,
  SURNAMES,
} from "./names.ts";

/** The demo company's users; their passwords are in the README. */
export const DEMO_USERS = [
  { username: "atendente", password: "atendente123", name: "Aline Atendente", profile: "Atendimento" },
  { username: "vendedor", password: "vendedor123", name: "Vicente Vendedor", profile: "Vendas" },
  { username: "financeiro", password: "financeiro123", name: "Fátima Financeiro", profile: "Financeiro" },
  { username: "gerente", password: "gerente123", name: "Gustavo Gerente", profile: null },
] as const;

export const DEMO_CHARACTERISTICS = [
  { name: "Cliente ouro", color: "#d4a017" },
  { name: "Comércio", color: "#1c7ed6" },
  { name: "Prestação de serviço", color: "#2f9e44" },
  { name: "Indústria", color: "#5f3dc4" },
  { name: "Inadimplente", color: "#e03131" },
  { name: "Contrato de manutenção", color: "#0c8599" },
] as const;

const SYSTEM: AuthUser = { id: 0, username: "demo", name: "Demo", email: "", isAdmin: true };

type Ids = { cat: Record<string, number>; chr: Record<string, number>; rel: Record<string, number> };

async function ids(ctx: AppContext): Promise<Ids> {
  const byName = (rows: { id: number; name: string }[]) => Object.fromEntries(rows.map((r) => [r.name, r.id]));
  return {
    cat: byName(await ctx.db.selectFrom("categories").select(["id", "name"]).execute()),
    chr: byName(await ctx.db.selectFrom("characteristics").select(["id", "name"]).execute()),
    rel: byName(await ctx.db.selectFrom("relationship_types").select(["id", "name"]).execute()),
  };
}

const all = (categoryId: number, level: "read" | "write", except: Tab[] = []): Grant[] =>
  TABS.filter((t) => !except.includes(t)).map((tab) => ({ categoryId, tab, level }));

/** Who sees what: support sees customers and prospects, sales also its representatives, finance the money tabs. */
function profiles(c: Record<string, number>): Record<string, Grant[]> {
  const cat = (name: string) => c[name] as number;
  return {
    Atendimento: [
      ...all(cat("Cliente"), "write", ["receivables", "currentAccount", "contracts"]),
      { categoryId: cat("Cliente"), tab: "contracts", level: "read" },
      ...all(cat("Prospect"), "write", ["receivables", "currentAccount", "contracts", "production"]),
      { categoryId: cat("Fornecedor"), tab: "addresses", level: "read" },
      { categoryId: cat("Fornecedor"), tab: "tickets", level: "write" },
      { categoryId: cat("Transportadora"), tab: "addresses", level: "read" },
    ],
    Vendas: [
      ...all(cat("Cliente"), "write", ["production"]),
      ...all(cat("Prospect"), "write", ["production", "receivables", "contracts"]),
      ...all(cat("Representante"), "read", ["production"]),
    ],
    Financeiro: [
      { categoryId: cat("Cliente"), tab: "addresses", level: "read" },
      { categoryId: cat("Cliente"), tab: "receivables", level: "write" },
      { categoryId: cat("Cliente"), tab: "contracts", level: "write" },
      // Finance sees Conta corrente too, disabled with the reason: it is only for linked sellers.
      { categoryId: cat("Cliente"), tab: "currentAccount", level: "read" },
      { categoryId: cat("Cliente"), tab: "related", level: "read" },
      { categoryId: cat("Cliente"), tab: "tickets", level: "read" },
      { categoryId: cat("Fornecedor"), tab: "addresses", level: "read" },
      { categoryId: cat("Fornecedor"), tab: "related", level: "read" },
    ],
  };
}

/**
 * The demo company: 240 persons of every category (valid CPFs and CNPJs,
 * accented names, real cities), characteristics, related persons, access
 * profiles and one user per role. Runs once, on an empty database.
 */
export async function seedDemo(ctx: AppContext): Promise<{ persons: number; users: string[] }> {
  const existing = await ctx.db.selectFrom("persons").select("id").limit(1).execute();
  if (existing.length) return { persons: 0, users: [] };
  const rand = prng(20260701);
  for (const c of DEMO_CHARACTERISTICS)
    await ctx.db
      .insertInto("characteristics")
      .values({ ...c })
      .execute();
  const { cat, chr, rel } = await ids(ctx);
  const catId = (name: string) => cat[name] as number;
  const chrId = (name: string) => chr[name] as number;

  const make = async (input: Record<string, unknown>): Promise<Person> =>
    createPerson(ctx, SYSTEM, createPersonBody.parse(input));

  const address = (type = "main", isMain = true) => {
    const place = pickFrom(rand, CITIES);
    return {
      type,
      isMain,
      zip: `${place.cep}${String(Math.floor(rand() * 1e6)).padStart(6, "0")}`,
      street: pickFrom(rand, STREETS),
      number: rand() < 0.05 ? "S/N" : String(1 + Math.floor(rand() * 2500)),
      complement: rand() < 0.3 ? `Sala ${1 + Math.floor(rand() * 40)}` : null,
      district: pickFrom(rand, DISTRICTS),
      city: place.city,
      ibgeCode: place.ibge,
      state: place.state,
      ddd: place.ddd,
    };
  };
  const phone = (ddd: string, mobile: boolean) =>
    `(${ddd}) ${mobile ? "9" : "3"}${String(Math.floor(rand() * 1e7))
      .padStart(mobile ? 8 : 7, "0")
      .replace(/(\d{4})$/, "-$1")}`;
  const slug = (s: string) =>
    s
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ".")
      .replace(/^\.|\.$/g, "");

  // Named persons the guided tour and the tests rely on.
  const joao = await make({
    kind: "individual",
    name: "João Carlos da Silva",
    shortName: "João",
    document: "529.982.247-25",
    categoryIds: [catId("Cliente"), catId("Fornecedor")],
    characteristicIds: [chrId("Cliente ouro"), chrId("Prestação de serviço")],
    emails: [{ address: "joao.silva@exemplo.com.br", isMain: true }, { address: "joao.carlos@gmail.com" }],
    phones: [{ number: "(11) 98765-4321", isMain: true }, { number: "(11) 3456-7890" }],
    addresses: [
      {
        type: "main",
        zip: "01310-100",
        street: "Avenida Paulista",
        number: "1578",
        district: "Bela Vista",
        city: "São Paulo",
        ibgeCode: "3550308",
        state: "SP",
        isMain: true,
      },
      {
        type: "billing",
        zip: "04538-132",
        street: "Avenida Brigadeiro Faria Lima",
        number: "3477",
        complement: "14º andar",
        district: "Itaim Bibi",
        city: "São Paulo",
        ibgeCode: "3550308",
        state: "SP",
      },
    ],
  });
  const acme = await make({
    kind: "company",
    name: "Padaria Pão de Açúcar Comércio de Alimentos Ltda",
    shortName: "Padaria Pão de Açúcar",
    document: "11.222.333/0001-81",
    categoryIds: [catId("Cliente")],
    characteristicIds: [chrId("Comércio"), chrId("Contrato de manutenção")],
    emails: [{ address: "contato@padariapaodeacucar.com.br" }],
    phones: [{ number: "(31) 3222-1234" }],
    addresses: [
      {
        type: "main",
        zip: "30130-010",
        street: "Avenida Afonso Pena",
        number: "1000",
        district: "Centro",
        city: "Belo Horizonte",
        ibgeCode: "3106200",
        state: "MG",
      },
    ],
  });
  const representante = await make({
    kind: "individual",
    name: "Vicente Araújo Mendes",
    shortName: "Vicente",
    document: "123.456.789-09",
    categoryIds: [catId("Representante"), catId("Funcionário")],
    emails: [{ address: "vicente.mendes@vinculo-demo.com.br" }],
    phones: [{ number: "(19) 99876-5432" }],
    addresses: [
      {
        type: "main",
        zip: "13015-904",
        street: "Rua Barão de Jaguara",
        number: "1481",
        district: "Centro",
        city: "Campinas",
        ibgeCode: "3509502",
        state: "SP",
      },
    ],
  });
  const novaEmpresa = await make({
    kind: "company",
    name: "Tecnologia Horizonte Nova S.A.",
    shortName: "Horizonte Nova",
    document: "12.ABC.345/01DE-35",
    categoryIds: [catId("Prospect")],
    characteristicIds: [chrId("Indústria")],
    emails: [{ address: "compras@horizontenova.com.br" }],
    addresses: [
      {
        type: "main",
        zip: "80010-000",
        street: "Rua XV de Novembro",
        number: "700",
        district: "Centro",
        city: "Curitiba",
        ibgeCode: "4106902",
        state: "PR",
      },
    ],
  });
  const persons: Person[] = [joao, acme, representante, novaEmpresa];

  const plan: [string, number][] = [
    ["Cliente", 140],
    ["Fornecedor", 30],
    ["Prospect", 25],
    ["Transportadora", 12],
    ["Representante", 10],
    ["Funcionário", 19],
  ];
  const used = new Set(persons.map((p) => p.document));
  for (const [category, count] of plan) {
    for (let i = 0; i < count; i++) {
      const company =
        category === "Transportadora" || category === "Fornecedor"
          ? true
          : category === "Cliente"
            ? rand() < 0.45
            : category === "Prospect"
              ? rand() < 0.7
              : false;
      let document: string;
      do document = company ? generateCnpj(rand, { alphanumeric: rand() < 0.1 }) : generateCpf(rand);
      while (used.has(document));
      used.add(document);
      const main = address();
      const extra = rand() < 0.25 ? [address(pickFrom(rand, ["delivery", "billing", "other"] as const), false)] : [];
      let name: string;
      let shortName: string | null;
      if (company) {
        const brand = pickFrom(rand, COMPANY_NAMES);
        const word = category === "Transportadora" ? "Transportes" : pickFrom(rand, COMPANY_WORDS);
        name = `${word} ${brand} ${pickFrom(rand, COMPANY_SUFFIXES)}`;
        shortName = `${brand} ${main.city}`;
      } else {
        const first = pickFrom(rand, FIRST_NAMES);
        name = `${first} ${rand() < 0.5 ? `${pickFrom(rand, PARTICLES)} ` : ""}${pickFrom(rand, SURNAMES)} ${pickFrom(rand, SURNAMES)}`;
        shortName = rand() < 0.6 ? first : null;
      }
      const categories = [catId(category)];
      if (category === "Fornecedor" && rand() < 0.2) categories.push(catId("Cliente"));
      if (category === "Cliente" && rand() < 0.05) categories.push(catId("Fornecedor"));
      const characteristics: number[] = [];
      if (category === "Cliente") {
        if (rand() < 0.15) characteristics.push(chrId("Cliente ouro"));
        if (company && rand() < 0.5) characteristics.push(chrId(rand() < 0.5 ? "Comércio" : "Indústria"));
        if (rand() < 0.2) characteristics.push(chrId("Prestação de serviço"));
        if (rand() < 0.08) characteristics.push(chrId("Inadimplente"));
        if (rand() < 0.2) characteristics.push(chrId("Contrato de manutenção"));
      }
      const domain = `${slug(shortName ?? name)
        .split(".")
        .slice(0, 2)
        .join("")}.com.br`;
      const local = company
        ? pickFrom(rand, ["contato", "financeiro", "compras", "comercial"])
        : slug(name).split(".").slice(0, 2).join(".");
      persons.push(
        await make({
          kind: company ? "company" : "individual",
          name,
          shortName,
          document,
          categoryIds: [...new Set(categories)],
          characteristicIds: [...new Set(characteristics)],
          emails: [
            {
              address: `${local}@${company ? domain : pickFrom(rand, ["gmail.com", "outlook.com", "uol.com.br", "terra.com.br"])}`,
            },
            ...(company && rand() < 0.4 ? [{ address: `nfe@${domain}` }] : []),
          ],
          phones: [
            { number: phone(main.ddd, !company || rand() < 0.3) },
            ...(rand() < 0.3 ? [{ number: phone(main.ddd, false) }] : []),
          ],
          addresses: [main, ...extra].map(({ ddd: _ddd, ...a }) => a),
        }),
      );
    }
  }

  // Related persons: representatives of customers, contacts and employees of companies, branches, partners.
  const link = async (from: Person, to: Person, type: string) => {
    await ctx.db
      .insertInto("person_relationships")
      .values({
        person_id: await idOf(from),
        related_person_id: await idOf(to),
        type_id: rel[type] as number,
        created_at: new Date().toISOString(),
        created_by: null,
      })
      .execute();
  };
  const idOf = async (p: Person) =>
    (await ctx.db.selectFrom("persons").select("id").where("code", "=", p.code).executeTakeFirstOrThrow()).id;
  const byCategory = (name: string) => persons.filter((p) => p.categories.some((c) => c.name === name));
  const customers = byCategory("Cliente");
  const reps = byCategory("Representante");
  const individuals = persons.filter((p) => p.kind === "individual" && p.categories.some((c) => c.name === "Cliente"));
  const companies = customers.filter((p) => p.kind === "company");

  await link(representante, joao, "Representante");
  await link(representante, acme, "Representante");
  const contato = individuals.find((p) => p.code !== joao.code);
  if (contato) await link(contato, acme, "Contato");
  await link(joao, acme, "Sócio");
  for (const [i, customer] of customers.entries()) {
    if (customer.code === joao.code || customer.code === acme.code) continue;
    if (i % 3 === 0) await link(reps[i % reps.length] ?? representante, customer, "Representante");
  }
  for (const [i, company] of companies.slice(0, 30).entries()) {
    const person = individuals[(i * 7) % individuals.length];
    if (person && person.code !== company.code) await link(person, company, i % 2 ? "Contato" : "Funcionário");
  }
  for (let i = 0; i + 1 < Math.min(10, companies.length); i += 2) {
    const [matriz, filial] = [companies[i], companies[i + 1]];
    if (matriz && filial) await link(matriz, filial, "Matriz/Filial");
  }

  // Access profiles and one user per role; the seller is the representative person.
  const grantSets = profiles(cat);
  const profileIds: Record<string, number> = {};
  for (const [name, grants] of Object.entries(grantSets))
    profileIds[name] = (await createProfile(ctx, { name, grants })).id;
  const users: string[] = [];
  for (const u of DEMO_USERS) {
    const exists = await ctx.db.selectFrom("users").select("id").where("username", "=", u.username).executeTakeFirst();
    if (exists) continue;
    await createUser(ctx, {
      username: u.username,
      name: u.name,
      email: `${u.username}@vinculo-demo.com.br`,
      password: u.password,
      isAdmin: u.profile === null,
      accessProfileIds: u.profile ? [profileIds[u.profile] as number] : [],
      personCode: u.username === "vendedor" ? representante.code : null,
    });
    users.push(u.username);
  }
  await seedDemoTickets(ctx);
  await seedDemoMail(ctx);
  await seedDemoAppointments(ctx);
  await seedDemoFinance(ctx);
  await seedDemoWatchers(ctx);
  return { persons: persons.length, users };
}
