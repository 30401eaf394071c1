#!/usr/bin/env python3
"""Writes a fictional practice for the benchmark: GROUPS groups of MEMBERS
members, SESSIONS sessions each, every member present with a progress note of
about 2.4 KB of varied text (so that no two notes look alike). Deterministic:
the same arguments write the same bytes.

    bench/generate-practice.py OUT --groups 10 --sessions 200 --members 10   # 20,000 notes
"""
import argparse, datetime, os, random

WORDS = """able about above accept across action active actual adapt adjust admit advice afraid after again agree ahead
alarm alert allow alone along alter amount angry answer anxious apart appear apply argue arrive aside asleep attend avoid
aware awful balance basic become before begin behave belief belong better beyond blame bored bother brave breath bright
broken brother budget burden busy calm capable career careful caring cause center chance change charge cheap check child
choice choose clear client close coach cold comfort common compare concern confide conflict confront consider content
control cope corner costly couch count courage cousin crisis critic crowd cry daily damage danger daughter deadline decide
defend delay demand denial depend desire detail differ dinner direct distance distract doubt dread dream drive early
effort empty energy enjoy enough escape event evening exact excuse expect explain express failure fair family fatigue
favor fear feedback feeling fight final focus follow forget forgive friend frustrate future gentle goal grateful grief
guilt habit happen harm hazard health heavy help honest hope hostile hurry ignore impulse improve include insight intense
invite isolate job judge kind labor late laugh learn leave letter limit listen lonely loss manage meal meaning memory mood
morning mother motive moving music narrow nature needed nervous night noise normal notice offer often open option order
pace panic parent partner patient pattern pause peace people period permit phone plan pleasant point pressure pride
private problem progress promise protect proud quiet reason recall receive reduce regret relax rely remind repair repeat
report request rescue resist respect rest return reward risk routine rule sadness safety school season secret settle
shame share shift short sister sleep slow small smile social solve sorry space speak steady stress strong struggle
support switch talk teacher tense thank threat tired today tolerate track trigger trust truth uncle upset urge useful
value visit voice wait walk warm watch weekend weight window winter worry write young""".split()

NAMES = """Avery Blake Casey Drew Emery Finley Gray Harper Indigo Jules Kendall Lane Morgan Noel Oakley Parker Quinn Reese
Sawyer Taylor Umber Vale Wren Xander Yael Zion""".split()

def sentence(rng, length):
    words = [rng.choice(WORDS) for _ in range(length)]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."

def paragraph(rng, sentences):
    return " ".join(sentence(rng, rng.randint(8, 16)) for _ in range(sentences))

def npi(serial):
    """A valid NPI (Luhn check digit over 80840 and the first nine digits)."""
    body = f"1{serial:08d}"
    total = 0
    for index, char in enumerate(reversed("80840" + body)):
        digit = int(char) * (2 if index % 2 == 0 else 1)
        total += digit - 9 if digit > 9 else digit
    return body + str((10 - total % 10) % 10)


def clinician(g):
    """Each group's own facilitator: ten groups meeting at 14:00 on one day
    cannot share one (clinician-overlap)."""
    return f"clinician-{g:02d}"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--groups", type=int, default=10)
    parser.add_argument("--sessions", type=int, default=200)
    parser.add_argument("--members", type=int, default=10)
    args = parser.parse_args()
    rng = random.Random(2026)
    out = args.out
    write(f"{out}/practice.yaml", """practice:
  name: Benchmark Behavioral Health
  npi: "1234567893"
  tax_id: "12-3456789"
  address: {street: "1 Bench Way", city: Oakland, state: CA, zip: "94607-3710"}
  phone: "510-555-0100"
edi: {submitter_id: BENCH01, receiver_id: CLEARHOUSE, receiver_name: Example Clearinghouse, usage: test}
clinicians:
  torres: {name: Angela Torres, credentials: LMFT, npi: "1245319599"}
""" + "".join(f"  {clinician(g)}: {{name: {NAMES[g % len(NAMES)]} {NAMES[-1 - g % len(NAMES)]}, credentials: LPCC, "
                    f"npi: \"{npi(200 + g)}\"}}\n"
              for g in range(args.groups)) + """payers:
  aetna: {name: Aetna, payer_id: "60054", group_authorization: not-required}
fees:
  "90853": 65.00
""")
    first_day = datetime.date(2025, 6, 2)
    for g in range(args.groups):
        group = f"group-{g:02d}"
        members = [f"member-{g:02d}-{m:02d}" for m in range(args.members)]
        write(f"{out}/groups/{group}.md", f"""---
name: Skills Group {g:02d}
cpt: "90853"
facilitator: {clinician(g)}
members: [{", ".join(members)}]
---
## Purpose
{paragraph(rng, 2)}
""")
        for m, member in enumerate(members):
            first, last = NAMES[(g + m) % len(NAMES)], NAMES[(g * 7 + m * 3 + 5) % len(NAMES)] + "son"
            write(f"{out}/members/{member}/profile.md", f"""---
first_name: {first}
last_name: {last}
dob: 19{70 + (g + m) % 30}-0{1 + m % 9}-1{m % 9}
sex: {"FMU"[m % 3]}
address: {{street: "{10 + m} Elm St", city: Oakland, state: CA, zip: "94610"}}
insurance:
  payer: aetna
  member_id: AET-{g:02d}{m:02d}0001
  subscriber: self
  benefits: {{verified_on: 2025-05-20, verified_by: torres, group_therapy_covered: true, copay: 20.00}}
---
""")
            write(f"{out}/members/{member}/plan-2025-06-01.md", f"""---
effective: 2025-06-01
review_by: 2027-06-01
modality: group psychotherapy
group: {group}
frequency: weekly
session_minutes: 90
duration: 52 weeks
diagnoses: [F41.1]
goals:
  G1: {sentence(rng, 9)}
  G2: {sentence(rng, 9)}
signed_by: {clinician(g)}
signed_on: 2025-06-01
---
## Rationale
{paragraph(rng, 2)}
""")
        for s in range(args.sessions):
            day = first_day + datetime.timedelta(days=(s * 364) // args.sessions)
            session = f"{day.isoformat()}-{group}"
            attendance = "\n".join(f"  {member}: present" for member in members)
            write(f"{out}/sessions/{session}/session.md", f"""---
group: {group}
date: {day.isoformat()}
start: "14:00"
end: "15:30"
topic: {sentence(rng, 4)[:-1]}
attendance:
{attendance}
signed_by: {clinician(g)}
signed_at: {day.isoformat()}T16:10
---
## Summary
{paragraph(rng, 3)}

## Interventions
{paragraph(rng, 2)}

## Group process
{paragraph(rng, 2)}
""")
            for m, member in enumerate(members):
                write(f"{out}/sessions/{session}/{member}.md", f"""---
signed_by: {clinician(g)}
signed_at: {day.isoformat()}T17:{m:02d}
---
## Participation
{paragraph(rng, 8)}

{paragraph(rng, 7)}

## Diary card
{paragraph(rng, 2)}

## Goals
- G1: In progress. {paragraph(rng, 1)}
- G2: No change. {paragraph(rng, 1)}

## Risk
{paragraph(rng, 2)} Risk level: low.

## Plan
{paragraph(rng, 2)}
""")

main()
