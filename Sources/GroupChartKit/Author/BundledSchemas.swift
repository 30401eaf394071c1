// Generated from schemas/*.json by SchemaTests (GROUPCHART_RECORD=1 swift test); do not edit.

/// The JSON Schemas of the repository's `schemas/` folder, carried inside the
/// program so that `groupchart init` can copy them into a practice.
enum BundledSchemas {
    static let files: [(name: String, text: String)] = [
        ("group.schema.json", ##"""
{
  "$schema": "http://json-schema.org/draft-07/schema#",
  "title": "GroupChart group (groups/<group-id>.md)",
  "description": "One therapy group: its name, CPT code, facilitators and enrolled members.",
  "type": "object",
  "additionalProperties": false,
  "required": ["name", "cpt", "facilitator", "members"],
  "properties": {
    "name": {
      "description": "The group's name.",
      "type": "string",
      "examples": ["DBT Skills Training Group"]
    },
    "cpt": {
      "description": "The group's CPT code: \"90853\".",
      "allOf": [{"$ref": "#/definitions/cpt"}]
    },
    "facilitator": {
      "description": "The id of the clinician who leads the group.",
      "allOf": [{"$ref": "#/definitions/id"}]
    },
    "co_facilitator": {
      "description": "The id of the co-facilitating clinician (optional), not the facilitator.",
      "allOf": [{"$ref": "#/definitions/id"}],
      "examples": ["park"]
    },
    "place_of_service": {
      "description": "Where the group meets (default \"11\", office).",
      "allOf": [{"$ref": "#/definitions/placeOfService"}]
    },
    "members": {
      "description": "The roster: who is enrolled, and from when to when. Each entry is a member id (enrolled on every date) or {id, joined, left}. A member who leaves keeps the entry with a left date.",
      "anyOf": [
        {
          "type": "array",
          "items": {
            "anyOf": [
              {"$ref": "#/definitions/rosterEntry"},
              {"$ref": "#/definitions/id"}
            ]
          }
        },
        {"$ref": "#/definitions/id"}
      ]
    }
  },
  "definitions": {
    "rosterEntry": {
      "description": "A member enrolled from joined through left (both dates optional and inclusive).",
      "type": "object",
      "additionalProperties": false,
      "required": ["id"],
      "properties": {
        "id": {
          "description": "The member's id (the folder's name under members/).",
          "allOf": [{"$ref": "#/definitions/id"}],
          "examples": ["chen-lily"]
        },
        "joined": {
          "description": "The first date the member is enrolled.",
          "allOf": [{"$ref": "#/definitions/date"}]
        },
        "left": {
          "description": "The last date the member is enrolled.",
          "allOf": [{"$ref": "#/definitions/date"}]
        }
      }
    },
    "id": {
      "description": "An id: lower-case letters, digits and hyphens, at most 40 characters.",
      "type": "string",
      "pattern": "^[a-z0-9][a-z0-9-]{0,39}$",
      "examples": ["torres"]
    },
    "cpt": {
      "description": "A CPT code: five digits, best quoted (\"90853\").",
      "type": ["string", "integer"],
      "minimum": 0,
      "maximum": 99999,
      "pattern": "^[0-9]{5}$",
      "examples": ["90853"]
    },
    "date": {
      "description": "A calendar date, YYYY-MM-DD.",
      "type": "string",
      "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
      "examples": ["2026-03-12"]
    },
    "placeOfService": {
      "description": "A place-of-service code CMS assigned, two digits in quotes: \"11\" office, \"02\" or \"10\" telehealth.",
      "type": ["string", "integer"],
      "pattern": "^(0[1-9]|1[0-9]|2[0-7]|3[1-4]|4[129]|5[0-8]|6[0-256]|7[12]|81|99)$",
      "examples": ["11"]
    }
  }
}

"""##),
        ("individual-note.schema.json", ##"""
{
  "$schema": "http://json-schema.org/draft-07/schema#",
  "title": "GroupChart individual note (members/<member-id>/individual/<YYYY-MM-DD>.md)",
  "description": "An individual psychotherapy session of a member.",
  "type": "object",
  "additionalProperties": false,
  "required": ["date", "start", "end", "clinician", "cpt"],
  "properties": {
    "date": {
      "description": "The date of service.",
      "allOf": [{"$ref": "#/definitions/date"}]
    },
    "start": {
      "description": "When the session started, \"HH:MM\".",
      "allOf": [{"$ref": "#/definitions/time"}]
    },
    "end": {
      "description": "When the session ended, \"HH:MM\".",
      "allOf": [{"$ref": "#/definitions/time"}]
    },
    "clinician": {
      "description": "The id of the treating clinician.",
      "allOf": [{"$ref": "#/definitions/id"}]
    },
    "cpt": {
      "description": "90832 (16-37 minutes), 90834 (38-52) or 90837 (53 or more).",
      "allOf": [{"$ref": "#/definitions/cpt"}],
      "examples": ["90837"]
    },
    "place_of_service": {
      "description": "Where the session took place.",
      "allOf": [{"$ref": "#/definitions/placeOfService"}]
    },
    "signed_by": {"$ref": "#/definitions/signedBy"},
    "signed_at": {"$ref": "#/definitions/signedAt"},
    "digest": {"$ref": "#/definitions/digest"}
  },
  "definitions": {
    "id": {
      "description": "An id: lower-case letters, digits and hyphens, at most 40 characters.",
      "type": "string",
      "pattern": "^[a-z0-9][a-z0-9-]{0,39}$",
      "examples": ["torres"]
    },
    "date": {
      "description": "A calendar date, YYYY-MM-DD.",
      "type": "string",
      "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
      "examples": ["2026-03-12"]
    },
    "time": {
      "description": "A time on the 24-hour clock, HH:MM; quote it (\"14:00\") so that YAML 1.1 tools do not read it as a number.",
      "type": "string",
      "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$",
      "examples": ["14:00"]
    },
    "timestamp": {
      "description": "A date and time in the practice's local time: YYYY-MM-DDTHH:MM.",
      "type": "string",
      "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$",
      "examples": ["2026-03-12T17:05"]
    },
    "cpt": {
      "description": "A CPT code: five digits, best quoted (\"90853\").",
      "type": ["string", "integer"],
      "minimum": 0,
      "maximum": 99999,
      "pattern": "^[0-9]{5}$",
      "examples": ["90853"]
    },
    "placeOfService": {
      "description": "A place-of-service code CMS assigned, two digits in quotes: \"11\" office, \"02\" or \"10\" telehealth.",
      "type": ["string", "integer"],
      "pattern": "^(0[1-9]|1[0-9]|2[0-7]|3[1-4]|4[129]|5[0-8]|6[0-256]|7[12]|81|99)$",
      "examples": ["11"]
    },
    "signedBy": {
      "description": "The id of the clinician who signed (practice.yaml clinicians); written by `groupchart sign`.",
      "$ref": "#/definitions/id"
    },
    "signedAt": {
      "description": "When the note was signed, local time; written by `groupchart sign`.",
      "$ref": "#/definitions/timestamp"
    },
    "digest": {
      "description": "The SHA-256 of the signed text, written by `groupchart sign`; never edit it.",
      "type": "string",
      "pattern": "^sha256:[0-9a-f]{64}$",
      "examples": ["sha256:0000000000000000000000000000000000000000000000000000000000000000"]
    }
  }
}

"""##),
        ("plan.schema.json", ##"""
{
  "$schema": "http://json-schema.org/draft-07/schema#",
  "title": "GroupChart treatment plan (members/<member-id>/plan-<YYYY-MM-DD>.md)",
  "description": "A treatment plan; the one in effect on a date is the latest effective on or before it.",
  "type": "object",
  "additionalProperties": false,
  "required": ["effective", "review_by", "modality", "group", "diagnoses", "goals", "signed_by", "signed_on"],
  "properties": {
    "effective": {
      "description": "The date the plan takes effect.",
      "allOf": [{"$ref": "#/definitions/date"}]
    },
    "review_by": {
      "description": "The date the plan must be reviewed by.",
      "allOf": [{"$ref": "#/definitions/date"}]
    },
    "modality": {
      "description": "The treatment modality, or a list of them: group psychotherapy, individual psychotherapy.",
      "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}],
      "examples": ["group psychotherapy"]
    },
    "group": {
      "description": "The group this plan treats in, or a list of them: a group session is billed only for a group the plan in effect names.",
      "anyOf": [
        {"$ref": "#/definitions/id"},
        {
          "type": "array",
          "items": {"$ref": "#/definitions/id"}
        }
      ],
      "examples": ["dbt-skills"]
    },
    "frequency": {
      "description": "How often: weekly, every other week.",
      "type": "string",
      "examples": ["weekly"]
    },
    "session_minutes": {
      "description": "Minutes per session, a whole number.",
      "type": ["integer", "string"],
      "minimum": 1,
      "maximum": 600,
      "pattern": "^[0-9]+$",
      "examples": ["90"]
    },
    "duration": {
      "description": "How long: 24 weeks.",
      "type": "string",
      "examples": ["24 weeks"]
    },
    "diagnoses": {
      "description": "ICD-10-CM codes, primary first (the claim's order).",
      "anyOf": [
        {"$ref": "#/definitions/icd10"},
        {
          "type": "array",
          "items": {"$ref": "#/definitions/icd10"}
        }
      ],
      "examples": [["F60.3"]]
    },
    "goals": {
      "description": "Measurable goals by id (G1, G2...); progress notes report on each.",
      "type": "object",
      "propertyNames": {"pattern": "^[A-Za-z0-9][A-Za-z0-9-]{0,39}$", "examples": ["G1"]},
      "additionalProperties": {
        "type": "string",
        "examples": ["Reduce self-harm urges from daily to fewer than 2 per week"]
      }
    },
    "signed_by": {
      "description": "The id of the clinician who signed the plan.",
      "allOf": [{"$ref": "#/definitions/id"}]
    },
    "signed_on": {
      "description": "The date the plan was signed.",
      "allOf": [{"$ref": "#/definitions/date"}]
    }
  },
  "definitions": {
    "id": {
      "description": "An id: lower-case letters, digits and hyphens, at most 40 characters.",
      "type": "string",
      "pattern": "^[a-z0-9][a-z0-9-]{0,39}$",
      "examples": ["torres"]
    },
    "date": {
      "description": "A calendar date, YYYY-MM-DD.",
      "type": "string",
      "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
      "examples": ["2026-03-12"]
    },
    "icd10": {
      "description": "A billable ICD-10-CM code, such as F60.3 (a category such as F32 is not billable).",
      "type": "string",
      "pattern": "^[A-Za-z][0-9][0-9A-Za-z](\\.?[0-9A-Za-z]{1,4})?$",
      "examples": ["F60.3"]
    }
  }
}

"""##),
        ("practice.schema.json", ##"""
{
  "$schema": "http://json-schema.org/draft-07/schema#",
  "title": "GroupChart practice.yaml",
  "description": "The practice, its clinicians, payers, fees and rule settings (format.md, practice.yaml).",
  "type": "object",
  "additionalProperties": false,
  "required": ["practice", "clinicians", "fees"],
  "properties": {
    "practice": {
      "description": "The billing provider (CMS-1500 box 33).",
      "type": "object",
      "additionalProperties": false,
      "required": ["name", "npi", "tax_id", "address"],
      "properties": {
        "name": {
          "description": "The practice's name as payers know it.",
          "type": "string",
          "examples": ["Harbor Behavioral Health"]
        },
        "npi": {
          "description": "The billing NPI (box 33a), ten digits in quotes.",
          "allOf": [{"$ref": "#/definitions/npi"}],
          "examples": ["1234567893"]
        },
        "tax_id": {
          "description": "The practice's EIN (box 25).",
          "type": "string",
          "pattern": "^[0-9]{2}-?[0-9]{7}$",
          "examples": ["12-3456789"]
        },
        "taxonomy": {
          "description": "The provider taxonomy code (optional).",
          "type": "string",
          "examples": ["103TC0700X"]
        },
        "address": {
          "description": "The billing address; the 837P needs its ZIP+4.",
          "allOf": [{"$ref": "#/definitions/address"}]
        },
        "phone": {
          "description": "The practice's phone number (optional).",
          "type": "string",
          "examples": ["510-555-0100"]
        }
      }
    },
    "edi": {
      "description": "The electronic claim envelope (optional); without it no claims.837 is written.",
      "type": "object",
      "additionalProperties": false,
      "required": ["submitter_id", "receiver_id", "receiver_name"],
      "properties": {
        "submitter_id": {
          "description": "Your submitter id at the clearinghouse (ISA06, NM1*41).",
          "type": "string",
          "examples": ["HARBORBH01"]
        },
        "receiver_id": {
          "description": "The clearinghouse's receiver id (ISA08, NM1*40).",
          "type": "string",
          "examples": ["CLEARHOUSE"]
        },
        "receiver_name": {
          "description": "The clearinghouse's name.",
          "type": "string",
          "examples": ["Example Clearinghouse"]
        },
        "usage": {
          "description": "test or production (ISA15 T or P).",
          "type": "string",
          "enum": ["test", "production"]
        },
        "submitter_qualifier": {
          "description": "What kind of id submitter_id is (ISA05): ZZ, mutually defined, unless the clearinghouse says otherwise.",
          "type": "string",
          "enum": ["01", "14", "20", "27", "28", "29", "30", "33", "ZZ", 1, 14, 20, 27, 28, 29, 30, 33]
        },
        "receiver_qualifier": {
          "description": "What kind of id receiver_id is (ISA07): ZZ, mutually defined, unless the clearinghouse's companion guide says otherwise (01 for a DUNS number, 30 for a tax id).",
          "type": "string",
          "enum": ["01", "14", "20", "27", "28", "29", "30", "33", "ZZ", 1, 14, 20, 27, 28, 29, 30, 33]
        }
      }
    },
    "clinicians": {
      "description": "Who treats, by id: the ids signed_by, facilitator and clinician name.",
      "type": "object",
      "minProperties": 1,
      "propertyNames": {"$ref": "#/definitions/id"},
      "additionalProperties": {
        "type": "object",
        "additionalProperties": false,
        "required": ["name"],
        "properties": {
          "name": {
            "description": "The clinician's full name.",
            "type": "string",
            "examples": ["Angela Torres"]
          },
          "credentials": {
            "description": "Licence (LMFT, LPCC, LCSW, PsyD...): a facilitator needs it.",
            "type": "string",
            "examples": ["LMFT"]
          },
          "npi": {
            "description": "The clinician's individual NPI: a facilitator needs it.",
            "allOf": [{"$ref": "#/definitions/npi"}]
          }
        }
      }
    },
    "payers": {
      "description": "Insurance payers, by id: the ids profiles name in insurance.payer.",
      "type": "object",
      "propertyNames": {"$ref": "#/definitions/id"},
      "additionalProperties": {
        "type": "object",
        "additionalProperties": false,
        "required": ["name", "payer_id"],
        "properties": {
          "name": {
            "description": "The payer's name.",
            "type": "string",
            "examples": ["Aetna"]
          },
          "payer_id": {
            "description": "The payer id your clearinghouse lists, in quotes.",
            "type": ["string", "integer"],
            "examples": ["60054"]
          },
          "group_authorization": {
            "description": "Whether group psychotherapy needs prior authorization (default not-required).",
            "type": "string",
            "enum": ["required", "not-required"]
          },
          "individual_authorization": {
            "description": "Whether individual psychotherapy needs prior authorization (default not-required).",
            "type": "string",
            "enum": ["required", "not-required"]
          },
          "timely_filing_days": {
            "description": "Days after the date of service the payer accepts claims (default 365).",
            "type": ["integer", "string"],
            "minimum": 1,
            "maximum": 3650,
            "pattern": "^[0-9]+$",
            "examples": ["90"]
          },
          "telehealth_modifier": {
            "description": "Added to claims when place of service is 02 or 10 (optional).",
            "type": ["string", "integer"],
            "pattern": "^[0-9A-Z]{2}$",
            "examples": ["95"]
          },
          "same_day_modifier": {
            "description": "On an individual claim the day of a group session, and a member's second group claim of a day (default 59).",
            "type": ["string", "integer"],
            "pattern": "^[0-9A-Z]{2}$",
            "examples": ["XE"]
          },
          "claim_filing_code": {
            "description": "The kind of plan, the 837P's SBR09 (default CI, commercial): MB Medicare Part B, MC Medicaid, BL Blue Cross/Blue Shield, HM an HMO.",
            "type": ["string", "integer"],
            "enum": ["11", "12", "13", "14", "15", "16", "17", "AM", "BL", "CH", "CI", "DS", "FI", "HM", "LM", "MA", "MB", "MC", "OF", "TV", "VA", "WC", "ZZ", 11, 12, 13, 14, 15, 16, 17],
            "examples": ["MB"]
          }
        }
      }
    },
    "fees": {
      "description": "The practice's charge per CPT code; 90853 is required. One amount for every date of service, or amounts each from a date on ({2025-01-01: 65.00, 2027-01-01: 70.00}), so that a new fee leaves the claims already sent as billed.",
      "type": "object",
      "required": ["90853"],
      "propertyNames": {"pattern": "^[0-9]{5}$", "examples": ["90853"]},
      "additionalProperties": {
        "anyOf": [
          {"$ref": "#/definitions/money"},
          {
            "description": "Amounts by the first date of service each applies to (YYYY-MM-DD).",
            "type": "object",
            "minProperties": 1,
            "propertyNames": {"pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "examples": ["2027-01-01"]},
            "additionalProperties": {"$ref": "#/definitions/money"}
          }
        ]
      }
    },
    "rules": {
      "description": "Per-rule severity (off, note, warning, error) or parameters; `groupchart explain` lists the rules.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "front-matter": {
          "description": "front-matter missing, unterminated, or not valid YAML (at the YAML error's line) (groupchart explain front-matter)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "encoding": {
          "description": "a file is not valid UTF-8 (groupchart explain encoding)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "missing-field": {
          "description": "a required key is absent (groupchart explain missing-field)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "invalid-value": {
          "description": "a value has the wrong type or form: date, time, timestamp, money, slug, enum, sex, state, zip (groupchart explain invalid-value)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "unknown-key": {
          "description": "a key the format does not define; suggests the nearest known key (groupchart explain unknown-key)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "unknown-reference": {
          "description": "an id that names no member, group, clinician or payer (also a note file whose name is no member); suggests the nearest id (groupchart explain unknown-reference)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "duplicate-id": {
          "description": "two definitions of one id, two plans with one `effective` date (groupchart explain duplicate-id)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "missing-section": {
          "description": "a required section is absent (groupchart explain missing-section)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "empty-section": {
          "description": "a required section is empty or a placeholder (groupchart explain empty-section)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "duplicate-section": {
          "description": "a section appears twice in one note (groupchart explain duplicate-section)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "stray-file": {
          "description": "a Markdown file stands where the practice layout expects none, so it is not read (groupchart explain stray-file)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "note-for-absent-member": {
          "description": "a member marked absent has a progress note (billing for absent members) (groupchart explain note-for-absent-member)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "missing-member-note": {
          "description": "a member who attended has no progress note (groupchart explain missing-member-note)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "note-without-attendance": {
          "description": "a progress note for a member the attendance log does not list (groupchart explain note-without-attendance)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "attendance-time": {
          "description": "end not after start; arrival or departure outside the session; `late` without `arrived`, `left-early` without `left` (groupchart explain attendance-time)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "attendance-overlap": {
          "description": "a member is recorded as attending two sessions of different groups whose times overlap on one date (groupchart explain attendance-overlap)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "clinician-overlap": {
          "description": "a clinician facilitates, co-facilitates or renders two sessions whose times overlap on one date (groupchart explain clinician-overlap)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "not-enrolled": {
          "description": "an attendee is not enrolled in the group (groupchart explain not-enrolled)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "enrolled-not-recorded": {
          "description": "an enrolled member is missing from the attendance log (groupchart explain enrolled-not-recorded)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "similar-notes": {
          "description": "two members' notes for one session are identical or near-identical (Jaccard index of word 3-grams of their own text: error ≥ 0.85, warning ≥ 0.70) (groupchart explain similar-notes)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "severity": {"$ref": "#/definitions/severity"},
                "error": {
                  "description": "default 0.85",
                  "type": ["number", "string"],
                  "minimum": 0,
                  "maximum": 1,
                  "pattern": "^[0-9]+(\\.[0-9]+)?$",
                  "examples": [0.85]
                },
                "warning": {
                  "description": "default 0.7",
                  "type": ["number", "string"],
                  "minimum": 0,
                  "maximum": 1,
                  "pattern": "^[0-9]+(\\.[0-9]+)?$",
                  "examples": [0.7]
                }
              }
            }
          ]
        },
        "templated-notes": {
          "description": "a member's note has fewer than 15 words of its own, the rest standing word for word (names aside) in most of the session's member notes and not in the session note: one template filled in for each member (groupchart explain templated-notes)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "severity": {"$ref": "#/definitions/severity"},
                "min_words": {
                  "description": "default 15",
                  "type": ["number", "string"],
                  "minimum": 1,
                  "maximum": 1000,
                  "pattern": "^[0-9]+(\\.[0-9]+)?$",
                  "examples": [15]
                }
              }
            }
          ]
        },
        "cloned-note": {
          "description": "a member's note nearly repeats that member's previous progress note (copy-forward), by the measure of similar-notes (≥ 0.90) (groupchart explain cloned-note)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "severity": {"$ref": "#/definitions/severity"},
                "warning": {
                  "description": "default 0.9",
                  "type": ["number", "string"],
                  "minimum": 0,
                  "maximum": 1,
                  "pattern": "^[0-9]+(\\.[0-9]+)?$",
                  "examples": [0.9]
                }
              }
            }
          ]
        },
        "psychoeducation-only": {
          "description": "the session's `format` is `psychoeducation`: CPT 90853 needs psychotherapy (groupchart explain psychoeducation-only)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "group-size": {
          "description": "more members attended than `max` (default 12) without a `size_rationale`, or fewer than `min` (default 2) (groupchart explain group-size)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "severity": {"$ref": "#/definitions/severity"},
                "max": {
                  "description": "default 12",
                  "type": ["number", "string"],
                  "minimum": 2,
                  "maximum": 100,
                  "pattern": "^[0-9]+(\\.[0-9]+)?$",
                  "examples": [12]
                },
                "min": {
                  "description": "default 2",
                  "type": ["number", "string"],
                  "minimum": 1,
                  "maximum": 100,
                  "pattern": "^[0-9]+(\\.[0-9]+)?$",
                  "examples": [2]
                }
              }
            }
          ]
        },
        "other-member-named": {
          "description": "a member's progress note names another member of the group (first or last name as a whole word, case as written, accents ignored) (groupchart explain other-member-named)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "benefits-unverified": {
          "description": "an insured member has no group-benefit verification on or before the date of service, or it says group therapy is not covered; a warning when the verification is over 12 months older than the date of service (groupchart explain benefits-unverified)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "authorization": {
          "description": "the payer requires group authorization and none covers CPT 90853 on the date, or the sessions billed under it exceed its count (the first session over is the one flagged) (groupchart explain authorization)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "authorization-expiring": {
          "description": "after this session two or fewer sessions are left on the authorization, or it ends 0 to 14 days after the date of service; only the latest session under that authorization is flagged (groupchart explain authorization-expiring)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "invalid-npi": {
          "description": "an NPI that is not ten digits with a valid check digit (groupchart explain invalid-npi)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "missing-credentials": {
          "description": "a facilitator or co-facilitator without credentials or NPI (groupchart explain missing-credentials)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "no-treatment-plan": {
          "description": "no plan is in effect on the date of service (groupchart explain no-treatment-plan)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "plan-modality": {
          "description": "the plan in effect does not name group psychotherapy (individual psychotherapy for an individual session) (groupchart explain plan-modality)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "plan-incomplete": {
          "description": "the plan in effect lacks frequency, session length or duration (groupchart explain plan-incomplete)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "plan-review-overdue": {
          "description": "the date of service is after the plan's `review_by` (groupchart explain plan-review-overdue)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "unknown-goal": {
          "description": "a Goals item names a goal the plan in effect does not have (groupchart explain unknown-goal)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "goal-status": {
          "description": "a Goals item has no recognised status (groupchart explain goal-status)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "goal-not-addressed": {
          "description": "a goal of the plan in effect has no item in the note (groupchart explain goal-not-addressed)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "risk-level": {
          "description": "the Risk section states no risk level (groupchart explain risk-level)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "high-risk-safety-plan": {
          "description": "risk is high and neither Risk nor Plan mentions a safety plan (groupchart explain high-risk-safety-plan)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "unsigned-note": {
          "description": "a session note or progress note lacks `signed_by` or `signed_at` (groupchart explain unsigned-note)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "signed-before-session": {
          "description": "a note is signed before its session ended (groupchart explain signed-before-session)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "invalid-icd10": {
          "description": "a diagnosis that is not a valid, billable ICD-10-CM code (a category such as `F32` instead of `F32.1` is not billable) (groupchart explain invalid-icd10)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "future-session": {
          "description": "the date of service is after today (`--today` sets today) (groupchart explain future-session)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "timely-filing": {
          "description": "the date of service is older than the payer's `timely_filing_days` (default 365) and no remittance covers the claim (groupchart explain timely-filing)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "signature-mismatch": {
          "description": "a note signed with a digest was changed afterwards outside an Addendum (groupchart explain signature-mismatch)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "individual-time-code": {
          "description": "the CPT code does not match the minutes from `start` to `end` (90832 16-37, 90834 38-52, 90837 53 or more; under 16 is not billable) (groupchart explain individual-time-code)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "same-day-services": {
          "description": "an individual session and a group session of one member fall on one date: says which modifier the individual claim carries (groupchart explain same-day-services)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "symlink": {
          "description": "a symbolic link in the practice points outside it, to nothing, or to a folder: GroupChart does not follow it (groupchart explain symlink)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "claim-rejected": {
          "description": "a 999 or 277CA rejected a claim and no later submission re-sent it (groupchart explain claim-rejected)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "claim-changed-after-billing": {
          "description": "a billed claim's content changed: the batch carries a replacement (groupchart explain claim-changed-after-billing)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "claim-void-needed": {
          "description": "a billed claim is no longer billable: the batch carries a void (groupchart explain claim-void-needed)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "claim-awaiting-payer": {
          "description": "a replacement or void is needed but no payer claim control number is known yet (groupchart explain claim-awaiting-payer)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "duplicate-submission": {
          "description": "one claim id sent as an original in two submissions with no rejection between them (groupchart explain duplicate-submission)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "submission-unacknowledged": {
          "description": "a submission older than `days` (default 7) has no 999 (groupchart explain submission-unacknowledged)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "severity": {"$ref": "#/definitions/severity"},
                "days": {
                  "description": "default 7",
                  "type": ["number", "string"],
                  "minimum": 0,
                  "maximum": 365,
                  "pattern": "^[0-9]+(\\.[0-9]+)?$",
                  "examples": [7]
                }
              }
            }
          ]
        },
        "submission": {
          "description": "an 837P in submissions/ cannot be read as 005010X222A1 says, shares its ISA13 with another, or was changed after it was sent (groupchart explain submission)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "acknowledgment": {
          "description": "a 999 or 277CA in acknowledgments/ cannot be read as its guide says, or answers a submission or claim id the practice does not have (groupchart explain acknowledgment)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        },
        "remittance": {
          "description": "an 835 in remittances/ holds what cannot be read as 005010X221A1 says, pays a claim id the practice has no claim for, or reverses a payment no 835 shows (groupchart explain remittance)",
          "anyOf": [
            {"$ref": "#/definitions/severity"},
            {"$ref": "#/definitions/severityMapping"}
          ]
        }
      }
    }
  },
  "definitions": {
    "id": {
      "description": "An id: lower-case letters, digits and hyphens, at most 40 characters.",
      "type": "string",
      "pattern": "^[a-z0-9][a-z0-9-]{0,39}$",
      "examples": ["torres"]
    },
    "npi": {
      "description": "A National Provider Identifier: ten digits in quotes, the last a Luhn check digit.",
      "type": ["string", "integer"],
      "pattern": "^[0-9]{10}$",
      "examples": ["1245319599"]
    },
    "money": {
      "description": "An amount in US dollars: digits and at most two decimal places, no currency sign.",
      "type": ["number", "string"],
      "minimum": 0,
      "pattern": "^[0-9]{1,9}(\\.[0-9]{1,2})?$",
      "examples": ["65.00"]
    },
    "address": {
      "description": "A postal address.",
      "type": "object",
      "additionalProperties": false,
      "required": ["street", "city", "state", "zip"],
      "properties": {
        "street": {
          "description": "Street and number.",
          "type": "string",
          "examples": ["200 Harbor Way, Suite 4"]
        },
        "street2": {
          "description": "A second address line (optional).",
          "type": "string",
          "examples": ["Building B"]
        },
        "city": {"description": "City.", "type": "string", "examples": ["Oakland"]},
        "state": {
          "description": "The two-letter USPS code, in capitals.",
          "type": "string",
          "enum": ["AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "PR", "GU", "VI", "AS", "MP", "AA", "AE", "AP"]
        },
        "zip": {
          "description": "ZIP or ZIP+4 in quotes (\"94607-3710\"); the billing address needs ZIP+4.",
          "type": ["string", "integer"],
          "pattern": "^[0-9]{5}(-?[0-9]{4})?$",
          "examples": ["94607-3710"]
        }
      }
    },
    "severity": {
      "description": "off, note, warning or error.",
      "type": "string",
      "enum": ["off", "note", "warning", "error"]
    },
    "severityMapping": {
      "description": "The rule's severity in a mapping.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "severity": {"$ref": "#/definitions/severity"}
      }
    }
  }
}

"""##),
        ("profile.schema.json", ##"""
{
  "$schema": "http://json-schema.org/draft-07/schema#",
  "title": "GroupChart member profile (members/<member-id>/profile.md)",
  "description": "Demographics, insurance, group-benefit verification and authorizations.",
  "type": "object",
  "additionalProperties": false,
  "required": ["first_name", "last_name", "dob", "sex", "insurance"],
  "properties": {
    "first_name": {
      "description": "First name as on the insurance card.",
      "type": "string",
      "examples": ["David"]
    },
    "last_name": {
      "description": "Last name as on the insurance card.",
      "type": "string",
      "examples": ["Okonkwo"]
    },
    "dob": {
      "description": "Date of birth.",
      "allOf": [{"$ref": "#/definitions/date"}]
    },
    "sex": {"$ref": "#/definitions/sex"},
    "address": {
      "description": "The member's address.",
      "allOf": [{"$ref": "#/definitions/address"}]
    },
    "insurance": {
      "description": "self-pay, or the member's coverage.",
      "anyOf": [
        {"type": "string", "enum": ["self-pay"]},
        {
          "type": "object",
          "additionalProperties": false,
          "required": ["payer", "member_id", "subscriber"],
          "properties": {
            "payer": {
              "description": "The id of a payer of practice.yaml.",
              "allOf": [{"$ref": "#/definitions/id"}]
            },
            "member_id": {
              "description": "The member id on the insurance card.",
              "type": ["string", "integer"],
              "examples": ["AET-3310294875"]
            },
            "group_number": {
              "description": "The plan's group number (optional).",
              "type": ["string", "integer"],
              "examples": ["0884213"]
            },
            "subscriber": {
              "description": "self, or the policy holder.",
              "anyOf": [
                {"type": "string", "enum": ["self"]},
                {
                  "type": "object",
                  "additionalProperties": false,
                  "required": ["relationship", "first_name", "last_name", "dob", "sex"],
                  "properties": {
                    "relationship": {
                      "description": "The member's relation to the policy holder.",
                      "type": "string",
                      "enum": ["spouse", "child", "other"]
                    },
                    "first_name": {
                      "description": "The policy holder's first name.",
                      "type": "string",
                      "examples": ["Grace"]
                    },
                    "last_name": {
                      "description": "The policy holder's last name.",
                      "type": "string",
                      "examples": ["Okonkwo"]
                    },
                    "dob": {
                      "description": "The policy holder's date of birth.",
                      "allOf": [{"$ref": "#/definitions/date"}]
                    },
                    "sex": {"$ref": "#/definitions/sex"},
                    "address": {
                      "description": "The policy holder's address, when it differs.",
                      "allOf": [{"$ref": "#/definitions/address"}]
                    }
                  }
                }
              ]
            },
            "benefits": {
              "description": "The group-benefit verification (step 1 of the billing guide): one, or a list of them when benefits are verified again (a service rests on the latest made on or before its date).",
              "anyOf": [
                {"$ref": "#/definitions/benefitVerification"},
                {"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/benefitVerification"}}
              ]
            },
            "authorizations": {
              "description": "Prior authorizations, each for a number of sessions of one CPT code.",
              "type": "array",
              "items": {
                "type": "object",
                "additionalProperties": false,
                "required": ["number", "cpt", "from", "to", "sessions"],
                "properties": {
                  "number": {
                    "description": "The authorization number (box 23).",
                    "type": ["string", "integer"],
                    "examples": ["A7731004"]
                  },
                  "cpt": {
                    "description": "The CPT code authorized.",
                    "allOf": [{"$ref": "#/definitions/cpt"}]
                  },
                  "from": {
                    "description": "The first date covered.",
                    "allOf": [{"$ref": "#/definitions/date"}]
                  },
                  "to": {
                    "description": "The last date covered.",
                    "allOf": [{"$ref": "#/definitions/date"}]
                  },
                  "sessions": {
                    "description": "The number of sessions authorized.",
                    "type": ["integer", "string"],
                    "minimum": 1,
                    "maximum": 1000,
                    "pattern": "^[0-9]+$",
                    "examples": ["24"]
                  }
                }
              }
            }
          }
        }
      ]
    }
  },
  "definitions": {
    "benefitVerification": {
      "description": "One group-benefit verification: when, by whom, and what the payer said.",
      "type": "object",
      "additionalProperties": false,
      "required": ["verified_on", "group_therapy_covered"],
      "properties": {
        "verified_on": {
          "description": "The date group benefits were verified.",
          "allOf": [{"$ref": "#/definitions/date"}]
        },
        "verified_by": {
          "description": "The id of the clinician or staff who verified them.",
          "allOf": [{"$ref": "#/definitions/id"}]
        },
        "group_therapy_covered": {
          "description": "true or false, as the payer said.",
          "anyOf": [
            {"type": "boolean"},
            {
              "type": "string",
              "pattern": "^([Tt]rue|TRUE|[Ff]alse|FALSE|[Yy]es|YES|[Nn]o|NO)$"
            }
          ],
          "examples": [true]
        },
        "copay": {
          "description": "The member's copay per session.",
          "allOf": [{"$ref": "#/definitions/money"}]
        },
        "reference": {
          "description": "The payer's call reference (optional).",
          "type": ["string", "integer"],
          "examples": ["call ref 88231"]
        }
      }
    },
    "id": {
      "description": "An id: lower-case letters, digits and hyphens, at most 40 characters.",
      "type": "string",
      "pattern": "^[a-z0-9][a-z0-9-]{0,39}$",
      "examples": ["torres"]
    },
    "date": {
      "description": "A calendar date, YYYY-MM-DD.",
      "type": "string",
      "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
      "examples": ["2026-03-12"]
    },
    "cpt": {
      "description": "A CPT code: five digits, best quoted (\"90853\").",
      "type": ["string", "integer"],
      "minimum": 0,
      "maximum": 99999,
      "pattern": "^[0-9]{5}$",
      "examples": ["90853"]
    },
    "money": {
      "description": "An amount in US dollars: digits and at most two decimal places, no currency sign.",
      "type": ["number", "string"],
      "minimum": 0,
      "pattern": "^[0-9]{1,9}(\\.[0-9]{1,2})?$",
      "examples": ["65.00"]
    },
    "sex": {"description": "M, F or U.", "type": "string", "enum": ["M", "F", "U"]},
    "address": {
      "description": "A postal address.",
      "type": "object",
      "additionalProperties": false,
      "required": ["street", "city", "state", "zip"],
      "properties": {
        "street": {
          "description": "Street and number.",
          "type": "string",
          "examples": ["200 Harbor Way, Suite 4"]
        },
        "street2": {
          "description": "A second address line (optional).",
          "type": "string",
          "examples": ["Building B"]
        },
        "city": {"description": "City.", "type": "string", "examples": ["Oakland"]},
        "state": {
          "description": "The two-letter USPS code, in capitals.",
          "type": "string",
          "enum": ["AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "PR", "GU", "VI", "AS", "MP", "AA", "AE", "AP"]
        },
        "zip": {
          "description": "ZIP or ZIP+4 in quotes (\"94607-3710\"); the billing address needs ZIP+4.",
          "type": ["string", "integer"],
          "pattern": "^[0-9]{5}(-?[0-9]{4})?$",
          "examples": ["94607-3710"]
        }
      }
    }
  }
}

"""##),
        ("progress-note.schema.json", ##"""
{
  "$schema": "http://json-schema.org/draft-07/schema#",
  "title": "GroupChart progress note (sessions/<session-id>/<member-id>.md)",
  "description": "A member's own progress note for one group session; sign it with `groupchart sign`.",
  "type": "object",
  "additionalProperties": false,
  "required": [],
  "properties": {
    "signed_by": {"$ref": "#/definitions/signedBy"},
    "signed_at": {"$ref": "#/definitions/signedAt"},
    "digest": {"$ref": "#/definitions/digest"},
    "interactive_complexity": {
      "description": "Why the session had interactive complexity (optional); adds CPT 90785.",
      "type": "string",
      "examples": ["Member's mother present and disagreeing about the safety plan"]
    }
  },
  "definitions": {
    "id": {
      "description": "An id: lower-case letters, digits and hyphens, at most 40 characters.",
      "type": "string",
      "pattern": "^[a-z0-9][a-z0-9-]{0,39}$",
      "examples": ["torres"]
    },
    "timestamp": {
      "description": "A date and time in the practice's local time: YYYY-MM-DDTHH:MM.",
      "type": "string",
      "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$",
      "examples": ["2026-03-12T17:05"]
    },
    "signedBy": {
      "description": "The id of the clinician who signed (practice.yaml clinicians); written by `groupchart sign`.",
      "$ref": "#/definitions/id"
    },
    "signedAt": {
      "description": "When the note was signed, local time; written by `groupchart sign`.",
      "$ref": "#/definitions/timestamp"
    },
    "digest": {
      "description": "The SHA-256 of the signed text, written by `groupchart sign`; never edit it.",
      "type": "string",
      "pattern": "^sha256:[0-9a-f]{64}$",
      "examples": ["sha256:0000000000000000000000000000000000000000000000000000000000000000"]
    }
  }
}

"""##),
        ("session-note.schema.json", ##"""
{
  "$schema": "http://json-schema.org/draft-07/schema#",
  "title": "GroupChart session note (sessions/<session-id>/session.md)",
  "description": "The group session note and its attendance log.",
  "type": "object",
  "additionalProperties": false,
  "required": ["group", "date", "start", "end", "attendance"],
  "properties": {
    "group": {
      "description": "The id of the group that met.",
      "allOf": [{"$ref": "#/definitions/id"}]
    },
    "date": {
      "description": "The date of service.",
      "allOf": [{"$ref": "#/definitions/date"}]
    },
    "start": {
      "description": "When the session started, \"HH:MM\".",
      "allOf": [{"$ref": "#/definitions/time"}]
    },
    "end": {
      "description": "When the session ended, \"HH:MM\".",
      "allOf": [{"$ref": "#/definitions/time"}]
    },
    "facilitator": {
      "description": "The facilitating clinician (default: the group's).",
      "allOf": [{"$ref": "#/definitions/id"}]
    },
    "co_facilitator": {
      "description": "The co-facilitator (default: the group's), not the facilitator; none to record that there was none.",
      "allOf": [{"$ref": "#/definitions/id"}],
      "examples": ["park"]
    },
    "topic": {
      "description": "The session's topic.",
      "type": "string",
      "examples": ["TIPP Skills and Crisis Survival Strategies"]
    },
    "module": {
      "description": "The curriculum module (optional).",
      "type": "string",
      "examples": ["Distress Tolerance"]
    },
    "format": {
      "description": "psychotherapy (default) or psychoeducation; CPT 90853 needs psychotherapy.",
      "type": "string",
      "enum": ["psychotherapy", "psychoeducation"]
    },
    "place_of_service": {
      "description": "Where the session took place (default: the group's).",
      "allOf": [{"$ref": "#/definitions/placeOfService"}]
    },
    "size_rationale": {
      "description": "Why the group was larger than the configured maximum (optional).",
      "type": "string",
      "examples": ["Two members transferring from the Tuesday group"]
    },
    "attendance": {
      "description": "Every enrolled member: present, late (with arrived), left-early (with left) or absent (with reason).",
      "type": "object",
      "propertyNames": {"$ref": "#/definitions/id"},
      "additionalProperties": {
        "anyOf": [
          {"type": "string", "enum": ["present", "late", "left-early", "absent"]},
          {
            "type": "object",
            "additionalProperties": false,
            "required": ["status"],
            "properties": {
              "status": {"type": "string", "enum": ["present", "late", "left-early", "absent"]},
              "arrived": {
                "description": "When a late member arrived.",
                "allOf": [{"$ref": "#/definitions/time"}]
              },
              "left": {
                "description": "When a member who left early left.",
                "allOf": [{"$ref": "#/definitions/time"}]
              },
              "reason": {
                "description": "Why a member was absent (optional).",
                "type": "string",
                "examples": ["illness"]
              }
            }
          }
        ]
      },
      "examples": [{"okonkwo-david": "present"}]
    },
    "signed_by": {"$ref": "#/definitions/signedBy"},
    "signed_at": {"$ref": "#/definitions/signedAt"},
    "digest": {"$ref": "#/definitions/digest"}
  },
  "definitions": {
    "id": {
      "description": "An id: lower-case letters, digits and hyphens, at most 40 characters.",
      "type": "string",
      "pattern": "^[a-z0-9][a-z0-9-]{0,39}$",
      "examples": ["torres"]
    },
    "date": {
      "description": "A calendar date, YYYY-MM-DD.",
      "type": "string",
      "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
      "examples": ["2026-03-12"]
    },
    "time": {
      "description": "A time on the 24-hour clock, HH:MM; quote it (\"14:00\") so that YAML 1.1 tools do not read it as a number.",
      "type": "string",
      "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$",
      "examples": ["14:00"]
    },
    "timestamp": {
      "description": "A date and time in the practice's local time: YYYY-MM-DDTHH:MM.",
      "type": "string",
      "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$",
      "examples": ["2026-03-12T17:05"]
    },
    "placeOfService": {
      "description": "A place-of-service code CMS assigned, two digits in quotes: \"11\" office, \"02\" or \"10\" telehealth.",
      "type": ["string", "integer"],
      "pattern": "^(0[1-9]|1[0-9]|2[0-7]|3[1-4]|4[129]|5[0-8]|6[0-256]|7[12]|81|99)$",
      "examples": ["11"]
    },
    "signedBy": {
      "description": "The id of the clinician who signed (practice.yaml clinicians); written by `groupchart sign`.",
      "$ref": "#/definitions/id"
    },
    "signedAt": {
      "description": "When the note was signed, local time; written by `groupchart sign`.",
      "$ref": "#/definitions/timestamp"
    },
    "digest": {
      "description": "The SHA-256 of the signed text, written by `groupchart sign`; never edit it.",
      "type": "string",
      "pattern": "^sha256:[0-9a-f]{64}$",
      "examples": ["sha256:0000000000000000000000000000000000000000000000000000000000000000"]
    }
  }
}

"""##),
    ]
}
