import { describe, expect, it } from "vitest";
import {
  addCalendarDays,
  type CriticalRule,
  classify,
  countedTypeIds,
  DEFAULT_RULE,
  dateInZone,
  daysOverdue,
  isTimeZone,
  startOfDateInZone,
  thresholds,
  typeCounts,
} from "./critical-factors.rule.ts";

const SP = "America/Sao_Paulo";
const rule = (over: Partial<CriticalRule> = {}): CriticalRule => ({ ...DEFAULT_RULE, ...over });
const at = (iso: string) => new Date(iso);

describe("critical factors: calendar days in the company's zone", () => {
  it("reads the date of an instant in São Paulo, not in UTC", () => {
    // 02:30 UTC on the 3rd is still 23:30 of the 2nd in São Paulo (UTC−3).
    expect(dateInZone("2026-03-03T02:30:00.000Z", SP)).toBe("2026-03-02");
    expect(dateInZone("2026-03-03T02:30:00.000Z", "UTC")).toBe("2026-03-03");
    expect(dateInZone("2026-03-03T03:00:00.000Z", SP)).toBe("2026-03-03");
  });

  it("finds where a day begins, including a midnight skipped by daylight saving", () => {
    expect(startOfDateInZone("2026-03-02", SP).toISOString()).toBe("2026-03-02T03:00:00.000Z");
    expect(startOfDateInZone("2026-03-02", "UTC").toISOString()).toBe("2026-03-02T00:00:00.000Z");
    // 2018-11-04: São Paulo moved clocks from 00:00 to 01:00 (UTC−2): the day began at 01:00 local.
    expect(startOfDateInZone("2018-11-04", SP).toISOString()).toBe("2018-11-04T03:00:00.000Z");
    expect(dateInZone("2018-11-04T02:59:59.000Z", SP)).toBe("2018-11-03");
    // 2019-02-17: clocks went back from 00:00 to 23:00 of the 16th; the 17th began at 00:00 UTC−3.
    expect(startOfDateInZone("2019-02-17", SP).toISOString()).toBe("2019-02-17T03:00:00.000Z");
    // New York, spring forward at 02:00: midnight exists, at UTC−5.
    expect(startOfDateInZone("2026-03-08", "America/New_York").toISOString()).toBe("2026-03-08T05:00:00.000Z");
  });

  it("counts days overdue as today − due date, in the zone", () => {
    const now = at("2026-03-10T15:00:00.000Z"); // 12:00 on the 10th in São Paulo
    expect(daysOverdue("2026-03-10T23:59:00.000Z", now, SP)).toBe(0); // 20:59 on the 10th
    expect(daysOverdue("2026-03-11T02:59:00.000Z", now, SP)).toBe(0); // 23:59 on the 10th
    expect(daysOverdue("2026-03-11T03:00:00.000Z", now, SP)).toBe(-1); // 00:00 on the 11th
    expect(daysOverdue("2026-03-05T03:00:00.000Z", now, SP)).toBe(5);
    expect(addCalendarDays("2026-02-27", 2)).toBe("2026-03-01");
    expect(addCalendarDays("2026-01-01", -1)).toBe("2025-12-31");
  });
});

describe("critical factors: the rule", () => {
  const now = at("2026-03-10T15:00:00.000Z"); // 10/03/2026 12:00 in São Paulo
  const ticket = (dueAt: string, typeId = 1) => ({ dueAt, typeId });

  it("is critical only when more than N days past due: exactly N days is attention", () => {
    // Due 05/03 (any hour): 5 days overdue = N → attention.
    expect(classify(ticket("2026-03-05T03:00:00.000Z"), now, rule(), SP)).toBe("attention");
    expect(classify(ticket("2026-03-06T02:59:59.000Z"), now, rule(), SP)).toBe("attention");
    // Due 04/03 23:59 local: 6 days → critical.
    expect(classify(ticket("2026-03-05T02:59:59.000Z"), now, rule(), SP)).toBe("critical");
    expect(classify(ticket("2026-03-05T02:59:59.000Z"), now, rule({ thresholdDays: 6 }), SP)).toBe("attention");
  });

  it("needs attention when overdue by fewer days or due within the next M days", () => {
    expect(classify(ticket("2026-03-10T14:00:00.000Z"), now, rule(), SP)).toBe("attention"); // due today, passed
    expect(classify(ticket("2026-03-10T20:00:00.000Z"), now, rule(), SP)).toBe("attention"); // due later today
    expect(classify(ticket("2026-03-13T02:59:59.000Z"), now, rule(), SP)).toBe("attention"); // 12/03 23:59 = today + 2
    expect(classify(ticket("2026-03-13T03:00:00.000Z"), now, rule(), SP)).toBeNull(); // 13/03 00:00 = today + 3
    expect(classify(ticket("2026-03-13T03:00:00.000Z"), now, rule({ warnDays: 3 }), SP)).toBe("attention");
    expect(classify(ticket("2026-03-11T12:00:00.000Z"), now, rule({ warnDays: 0 }), SP)).toBeNull();
  });

  it("counts days in São Paulo near midnight, where UTC already is the next day", () => {
    // 23:30 on 10/03 in São Paulo is 02:30 on 11/03 in UTC.
    const lateNight = at("2026-03-11T02:30:00.000Z");
    const due = ticket("2026-03-05T12:00:00.000Z"); // 05/03 09:00 in São Paulo
    expect(classify(due, lateNight, rule(), SP)).toBe("attention"); // 5 days in São Paulo
    expect(classify(due, lateNight, rule(), "UTC")).toBe("critical"); // 6 days in UTC
    // Half an hour later it is 11/03 in São Paulo too.
    expect(classify(due, at("2026-03-11T03:00:00.000Z"), rule(), SP)).toBe("critical");
    // A due time late in the evening is still that evening's date in São Paulo.
    const evening = ticket("2026-03-06T02:00:00.000Z"); // 05/03 23:00 in São Paulo, 06/03 in UTC
    expect(daysOverdue(evening.dueAt, now, SP)).toBe(5);
    expect(daysOverdue(evening.dueAt, now, "UTC")).toBe(4);
  });

  it("applies the include and exclude lists, and the exclude list wins", () => {
    const due = ticket("2026-02-01T12:00:00.000Z", 7);
    expect(classify(due, now, rule({ includeTypeIds: [7] }), SP)).toBe("critical");
    expect(classify(due, now, rule({ includeTypeIds: [8] }), SP)).toBeNull();
    expect(classify(due, now, rule({ excludeTypeIds: [7] }), SP)).toBeNull();
    expect(classify(due, now, rule({ includeTypeIds: [7], excludeTypeIds: [7] }), SP)).toBeNull();
    expect(typeCounts({ includeTypeIds: [], excludeTypeIds: [] }, 99)).toBe(true);
    expect(countedTypeIds(rule(), [1, 2, 3])).toBeNull();
    expect(countedTypeIds(rule({ includeTypeIds: [1, 2], excludeTypeIds: [2] }), [1, 2, 3])).toEqual([1]);
    expect(countedTypeIds(rule({ excludeTypeIds: [3] }), [1, 2, 3])).toEqual([1, 2]);
  });

  it("turns the rule into due-date thresholds that agree with classify", () => {
    const th = thresholds(now, rule(), SP);
    expect(th).toEqual({
      today: "2026-03-10",
      criticalBefore: "2026-03-05T03:00:00.000Z", // start of 05/03 in São Paulo
      attentionBefore: "2026-03-13T03:00:00.000Z", // start of 13/03
    });
    // Every instant every 13 minutes over three weeks, at several "now"s and zones: the same answer.
    for (const zone of [SP, "UTC", "America/Manaus", "Asia/Kolkata"]) {
      for (const nowIso of ["2026-03-10T15:00:00.000Z", "2026-03-11T02:59:00.000Z", "2026-03-11T03:01:00.000Z"]) {
        const n = at(nowIso);
        for (const r of [rule(), rule({ thresholdDays: 0, warnDays: 0 }), rule({ thresholdDays: 30, warnDays: 9 })]) {
          const limits = thresholds(n, r, zone);
          for (
            let ms = Date.parse("2026-02-05T00:00:00Z");
            ms < Date.parse("2026-03-26T00:00:00Z");
            ms += 13 * 60_000
          ) {
            const dueAt = new Date(ms).toISOString();
            const byThreshold =
              dueAt < limits.criticalBefore ? "critical" : dueAt < limits.attentionBefore ? "attention" : null;
            if (classify({ dueAt, typeId: 1 }, n, r, zone) !== byThreshold) {
              throw new Error(`${zone} now=${nowIso} due=${dueAt} N=${r.thresholdDays} M=${r.warnDays}`);
            }
          }
        }
      }
    }
  });

  it("knows the zones the runtime knows", () => {
    expect(isTimeZone(SP)).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
  });
});
