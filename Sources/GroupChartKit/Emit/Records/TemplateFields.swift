/// A view that hands the templates its fields itself, typed.
/// `TemplateValue(view:)` turns any other view into fields by reflection
/// (`Mirror`) and every field through a chain of casts, which was a tenth of
/// a cold build at 20,000 notes: these are the views there is one of per
/// note, claim, attendance row and event. Each lists exactly its stored
/// properties, as reflection would find them (`TemplateFieldsTests`
/// compares the two).
protocol TemplateFields {
    var templateFields: TemplateFieldList { get }
}

/// An array of such views, listed without boxing each in `Any` (which
/// casting it to `[Any]` does: most of building a chart's values).
protocol TemplateFieldsList {
    var templateItems: [TemplateValue] { get }
}

extension Array: TemplateFieldsList where Element: TemplateFields {
    var templateItems: [TemplateValue] { map { .fields($0.templateFields) } }
}

extension TemplateValue {
    static func optional(_ text: String?) -> TemplateValue { text.map(TemplateValue.text) ?? .empty }
    static func view(_ view: some TemplateFields) -> TemplateValue { .fields(view.templateFields) }
    static func optional(_ view: (some TemplateFields)?) -> TemplateValue { view.map { .fields($0.templateFields) } ?? .empty }
    static func list(_ views: [some TemplateFields]) -> TemplateValue { .list(views.templateItems) }
    static func texts(_ texts: [String]) -> TemplateValue { .list(texts.map(TemplateValue.text)) }
}

extension NoteView: TemplateFields {
    var templateFields: TemplateFieldList {
        ["kind": .text(kind), "memberName": .text(memberName), "dob": .text(dob), "dateOfService": .text(dateOfService),
         "running": .text(running), "bodyHTML": .text(bodyHTML), "interactiveComplexity": .optional(interactiveComplexity),
         "service": .optional(service), "signature": .optional(signature), "source": .view(source)]
    }
}

extension SignatureView: TemplateFields {
    var templateFields: TemplateFieldList {
        ["signer": .text(signer), "signedAt": .optional(signedAt), "digest": .optional(digest), "problem": .optional(problem)]
    }
}

extension SourceView: TemplateFields {
    var templateFields: TemplateFieldList { ["path": .text(path), "sha256": .text(sha256)] }
}

extension AttendanceRowView: TemplateFields {
    var templateFields: TemplateFieldList {
        ["member": .text(member), "status": .text(status), "arrived": .text(arrived), "left": .text(left),
         "reason": .text(reason), "attended": .flag(attended)]
    }
}

extension ClaimRowView: TemplateFields {
    var templateFields: TemplateFieldList {
        ["date": .text(date), "session": .text(session), "cpt": .text(cpt), "status": .text(status), "heldBy": .text(heldBy),
         "isHeld": .flag(isHeld), "payment": .optional(payment), "noClaim": .text(noClaim), "history": .list(history)]
    }
}

extension PaymentView: TemplateFields {
    var templateFields: TemplateFieldList {
        ["claimID": .text(claimID), "date": .text(date), "member": .text(member), "memberLink": .text(memberLink),
         "billed": .text(billed), "paid": .text(paid), "patientResponsibility": .text(patientResponsibility),
         "outstanding": .text(outstanding), "status": .text(status), "badge": .text(badge), "days": .text(days),
         "reasons": .list(reasons), "remarks": .list(remarks), "hasReasons": .flag(hasReasons)]
    }
}

extension ReasonView: TemplateFields {
    var templateFields: TemplateFieldList { ["code": .text(code), "amount": .text(amount), "meaning": .text(meaning)] }
}

extension RemarkView: TemplateFields {
    var templateFields: TemplateFieldList { ["code": .text(code), "meaning": .text(meaning)] }
}

extension HistoryRowView: TemplateFields {
    var templateFields: TemplateFieldList { ["date": .text(date), "event": .text(event), "file": .text(file)] }
}

extension MemberAttendanceView: TemplateFields {
    var templateFields: TemplateFieldList {
        ["date": .text(date), "session": .text(session), "status": .text(status), "detail": .text(detail)]
    }
}

extension BatchRowView: TemplateFields {
    var templateFields: TemplateFieldList {
        ["claimID": .text(claimID), "date": .text(date), "member": .text(member), "frequency": .text(frequency),
         "reason": .text(reason)]
    }
}

// A session packet's own views: 2,000 pages at 20,000 notes, each found by
// reflection field by field (3.5 % of a cold build with the charts' views).

extension PracticeView: TemplateFields {
    var templateFields: TemplateFieldList {
        ["name": .text(name), "npi": .text(npi), "taxID": .text(taxID), "address": .text(address), "phone": .text(phone)]
    }
}

extension ClinicianView: TemplateFields {
    var templateFields: TemplateFieldList {
        ["role": .text(role), "name": .text(name), "credentials": .optional(credentials), "npi": .optional(npi)]
    }
}

extension SessionView: TemplateFields {
    var templateFields: TemplateFieldList {
        ["id": .text(id), "title": .text(title), "groupName": .text(groupName), "date": .text(date), "longDate": .text(longDate),
         "time": .text(time), "minutes": .integer(minutes), "cpt": .text(cpt), "placeOfService": .text(placeOfService),
         "topic": .text(topic), "module": .optional(module), "format": .text(format), "clinicians": .list(clinicians),
         "attendance": .list(attendance), "attendedCount": .integer(attendedCount), "enrolledCount": .integer(enrolledCount),
         "bodyHTML": .text(bodyHTML), "signature": .optional(signature), "sources": .list(sources), "pageLabel": .text(pageLabel)]
    }
}

extension SessionPacketView: TemplateFields {
    var templateFields: TemplateFieldList {
        ["generator": .text(generator), "practice": .view(practice), "session": .view(session), "notes": .list(notes)]
    }
}

// A member chart's own views: 100 charts at 20,000 notes, found by
// reflection field by field until they listed their fields themselves
// (107 of 5,284 samples of a cold build, 2 %).

extension MemberChartView: TemplateFields {
    var templateFields: TemplateFieldList {
        ["generator": .text(generator), "practice": .view(practice), "profile": .view(profile), "plans": .list(plans),
         "attendance": .list(attendance), "notes": .list(notes), "claims": .list(claims), "pipeline": .view(pipeline),
         "reimbursement": .view(reimbursement), "skipped": .texts(skipped), "sources": .list(sources),
         "period": .optional(period), "hasSkipped": .flag(hasSkipped)]
    }
}

extension ProfileView: TemplateFields {
    var templateFields: TemplateFieldList {
        ["name": .text(name), "dob": .text(dob), "sex": .text(sex), "address": .text(address), "coverage": .text(coverage),
         "memberID": .optional(memberID), "groupNumber": .optional(groupNumber), "subscriber": .optional(subscriber),
         "benefits": .optional(benefits), "authorizations": .list(authorizations), "hasAuthorizations": .flag(hasAuthorizations),
         "pageLabel": .text(pageLabel)]
    }
}

extension AuthorizationView: TemplateFields {
    var templateFields: TemplateFieldList {
        ["number": .text(number), "cpt": .text(cpt), "period": .text(period), "used": .integer(used), "sessions": .integer(sessions)]
    }
}

extension PlanView: TemplateFields {
    var templateFields: TemplateFieldList {
        ["effective": .text(effective), "reviewBy": .text(reviewBy), "modality": .text(modality), "frequency": .text(frequency),
         "diagnoses": .list(diagnoses), "goals": .list(goals), "signature": .text(signature), "bodyHTML": .text(bodyHTML),
         "source": .view(source)]
    }
}

extension DiagnosisView: TemplateFields {
    var templateFields: TemplateFieldList { ["code": .text(code)] }
}

extension GoalView: TemplateFields {
    var templateFields: TemplateFieldList { ["id": .text(id), "text": .text(text)] }
}

extension PipelineView: TemplateFields {
    var templateFields: TemplateFieldList {
        ["figures": .list(figures), "chartSVG": .text(chartSVG), "rejections": .list(rejections),
         "rejectionsNotShown": .optional(rejectionsNotShown), "batch": .list(batch), "batchNotShown": .optional(batchNotShown),
         "hasRejections": .flag(hasRejections), "hasBatch": .flag(hasBatch)]
    }
}

extension FigureView: TemplateFields {
    var templateFields: TemplateFieldList { ["label": .text(label), "count": .integer(count), "amount": .text(amount)] }
}

extension RejectionView: TemplateFields {
    var templateFields: TemplateFieldList {
        ["date": .text(date), "member": .text(member), "claimID": .text(claimID), "answered": .text(answered), "file": .text(file),
         "reasons": .texts(reasons), "next": .text(next)]
    }
}

extension ReimbursementView: TemplateFields {
    var templateFields: TemplateFieldList {
        ["billed": .text(billed), "paid": .text(paid), "patientResponsibility": .text(patientResponsibility),
         "outstanding": .text(outstanding), "statuses": .text(statuses), "buckets": .texts(buckets), "aging": .list(aging),
         "claims": .list(claims), "claimsNotShown": .optional(claimsNotShown), "denials": .list(denials),
         "denialsNotShown": .optional(denialsNotShown), "hasClaims": .flag(hasClaims), "hasDenials": .flag(hasDenials),
         "hasOutstanding": .flag(hasOutstanding)]
    }
}

extension AgingRowView: TemplateFields {
    var templateFields: TemplateFieldList { ["label": .text(label), "amounts": .texts(amounts), "total": .text(total)] }
}

// The dashboard's views: one page, but 2,000 session rows at 20,000 notes,
// found by reflection row by row (17 of 5,019 samples of a cold build, and
// in each `watch` or `serve` rebuild that renders index.html again).

extension IndexPage.View: TemplateFields {
    var templateFields: TemplateFieldList {
        ["generator": .text(generator), "practice": .view(practice), "today": .text(today), "counts": .view(counts),
         "sessions": .list(sessions), "members": .list(members), "diagnostics": .list(diagnostics),
         "diagnosticsNotShown": .optional(diagnosticsNotShown), "heldClaims": .list(heldClaims),
         "heldClaimsNotShown": .optional(heldClaimsNotShown), "authorizations": .list(authorizations),
         "reimbursement": .view(reimbursement), "pipeline": .view(pipeline), "batchFile": .text(batchFile),
         "hasDiagnostics": .flag(hasDiagnostics), "hasHeldClaims": .flag(hasHeldClaims)]
    }
}

extension IndexPage.Counts: TemplateFields {
    var templateFields: TemplateFieldList {
        ["sessions": .integer(sessions), "members": .integer(members), "errors": .integer(errors), "warnings": .integer(warnings),
         "claimsReady": .integer(claimsReady), "claimsHeld": .integer(claimsHeld)]
    }
}

extension IndexPage.SessionRow: TemplateFields {
    var templateFields: TemplateFieldList {
        ["id": .text(id), "date": .text(date), "group": .text(group), "topic": .text(topic), "attended": .integer(attended),
         "link": .text(link), "skipped": .flag(skipped)]
    }
}

extension IndexPage.MemberRow: TemplateFields {
    var templateFields: TemplateFieldList {
        ["id": .text(id), "name": .text(name), "coverage": .text(coverage), "link": .text(link), "skipped": .flag(skipped)]
    }
}

extension IndexPage.DiagnosticRow: TemplateFields {
    var templateFields: TemplateFieldList {
        ["place": .text(place), "severity": .text(severity), "rule": .text(rule), "message": .text(message)]
    }
}

extension IndexPage.HeldClaimRow: TemplateFields {
    var templateFields: TemplateFieldList {
        ["date": .text(date), "member": .text(member), "session": .text(session), "heldBy": .text(heldBy)]
    }
}

extension IndexPage.AuthorizationRow: TemplateFields {
    var templateFields: TemplateFieldList {
        ["member": .text(member), "number": .text(number), "cpt": .text(cpt), "period": .text(period), "used": .integer(used),
         "sessions": .integer(sessions), "low": .flag(low)]
    }
}
