/// A view that hands Mustache its fields itself. `TemplateLibrary.context`
/// turns any other view into a dictionary by reflection (`Mirror`), which
/// was a tenth of a cold build at 20,000 notes: these are the views there is
/// one of per note, claim, attendance row and event. Each lists exactly its
/// stored properties (a test compares them with the reflected ones).
protocol TemplateFields {
    var templateFields: [String: Any] { get }
}

extension NoteView: TemplateFields {
    var templateFields: [String: Any] {
        ["kind": kind, "memberName": memberName, "dob": dob, "dateOfService": dateOfService, "running": running,
         "bodyHTML": bodyHTML, "signature": signature as Any, "source": source]
    }
}

extension SignatureView: TemplateFields {
    var templateFields: [String: Any] { ["signer": signer, "signedAt": signedAt as Any, "digest": digest as Any] }
}

extension SourceView: TemplateFields {
    var templateFields: [String: Any] { ["path": path, "sha256": sha256] }
}

extension AttendanceRowView: TemplateFields {
    var templateFields: [String: Any] {
        ["member": member, "status": status, "arrived": arrived, "left": left, "reason": reason, "attended": attended]
    }
}

extension ClaimRowView: TemplateFields {
    var templateFields: [String: Any] {
        ["date": date, "session": session, "cpt": cpt, "status": status, "heldBy": heldBy, "isHeld": isHeld,
         "payment": payment as Any, "history": history]
    }
}

extension PaymentView: TemplateFields {
    var templateFields: [String: Any] {
        ["claimID": claimID, "date": date, "member": member, "memberLink": memberLink, "billed": billed, "paid": paid,
         "patientResponsibility": patientResponsibility, "outstanding": outstanding, "status": status, "badge": badge,
         "days": days, "reasons": reasons, "hasReasons": hasReasons]
    }
}

extension ReasonView: TemplateFields {
    var templateFields: [String: Any] { ["code": code, "amount": amount, "meaning": meaning] }
}

extension HistoryRowView: TemplateFields {
    var templateFields: [String: Any] { ["date": date, "event": event, "file": file] }
}

extension MemberAttendanceView: TemplateFields {
    var templateFields: [String: Any] { ["date": date, "session": session, "status": status, "detail": detail] }
}

extension BatchRowView: TemplateFields {
    var templateFields: [String: Any] {
        ["claimID": claimID, "date": date, "member": member, "frequency": frequency, "reason": reason]
    }
}
